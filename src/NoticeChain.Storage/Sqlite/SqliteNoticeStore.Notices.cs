using Microsoft.Data.Sqlite;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The issuing API's side: accept, read, receipts, revocation requests.</summary>
public sealed partial class SqliteNoticeStore
{
    /// <summary>Reads a notice with everything its status derives from. Followed by a WHERE on <c>n</c>.</summary>
    private const string NoticeSelect = """
        SELECT n.seq, n.id, n.authority, n.digest, n.salt, n.leaf, n.reference, n.accepted_at,
               a.mined_at, old.id,
               rr.reason, rr.effective_at, rr.requested_at,
               cr.root, cr.reason, cr.effective_at, cr.revoked_at, cr.block_number, cr.block_hash, cr.tx_hash, cr.log_index,
               cs.new_leaf, cs.old_root, cs.new_root, cs.reason, cs.effective_at, cs.superseded_at,
               cs.block_number, cs.block_hash, cs.tx_hash, cs.log_index,
               (SELECT sb.id FROM notices sb WHERE sb.authority = n.authority AND sb.leaf = cs.new_leaf LIMIT 1)
        FROM notices n
        LEFT JOIN chain_actions a ON a.id = n.batch_id AND a.mined_tx IS NOT NULL
        LEFT JOIN supersession_requests sr ON sr.new_notice_seq = n.seq
        LEFT JOIN notices old ON old.seq = sr.old_notice_seq
        LEFT JOIN revocation_requests rr ON rr.notice_seq = n.seq
        LEFT JOIN chain_revocations cr ON cr.authority = n.authority AND cr.leaf = n.leaf
        LEFT JOIN chain_supersessions cs ON cs.authority = n.authority AND cs.old_leaf = n.leaf
        """;

    /// <summary>True when the notice <c>n</c> is neither revoked nor superseded, on chain or by a request on record.</summary>
    private const string InForceCondition = """
        NOT EXISTS (SELECT 1 FROM supersession_requests x WHERE x.old_notice_seq = n.seq)
        AND NOT EXISTS (SELECT 1 FROM revocation_requests x WHERE x.notice_seq = n.seq)
        AND NOT EXISTS (SELECT 1 FROM chain_revocations x WHERE x.authority = n.authority AND x.leaf = n.leaf)
        AND NOT EXISTS (SELECT 1 FROM chain_supersessions x WHERE x.authority = n.authority AND x.old_leaf = n.leaf)
        """;

    /// <inheritdoc />
    public Task<AcceptResult> AcceptAsync(
        AuthorityId authority,
        NewNotice notice,
        IdempotencyKey? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return AcceptManyAsync(authority, [notice], idempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AcceptResult> AcceptManyAsync(
        AuthorityId authority,
        IReadOnlyList<NewNotice> notices,
        IdempotencyKey? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentOutOfRangeException.ThrowIfZero(notices.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(notices.Count, INoticeStore.MaxNoticesPerSubmission);
        for (var i = 0; i < notices.Count; i++)
        {
            if (notices[i] is null)
            {
                throw new ArgumentNullException(nameof(notices), $"Notice {i} is null.");
            }
        }

        var authorityBytes = authority.ToArray();
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        if (idempotencyKey is not null)
        {
            var replay = await ReplayAsync(connection, transaction, authorityBytes, idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (replay is not null)
            {
                return replay;
            }
        }

        using var find = connection.Command(transaction, "SELECT seq FROM notices WHERE authority = $authority AND digest = $digest;")
            .With("$authority", authorityBytes).With("$digest", null);
        using var findOld = connection.Command(transaction, $"""
            SELECT n.seq, n.leaf, {InForceCondition}
            FROM notices n WHERE n.authority = $authority AND n.id = $id;
            """)
            .With("$authority", authorityBytes).With("$id", null);
        using var insert = connection.Command(transaction, """
            INSERT INTO notices (id, authority, digest, salt, leaf, reference, accepted_at)
            VALUES ($id, $authority, $digest, $salt, $leaf, $reference, $accepted_at)
            RETURNING seq;
            """)
            .With("$id", null).With("$authority", authorityBytes).With("$digest", null).With("$salt", null)
            .With("$leaf", null).With("$reference", null).With("$accepted_at", null);

        var results = new AcceptedNotice?[notices.Count];
        var seqs = new long[notices.Count];
        for (var i = 0; i < notices.Count; i++)
        {
            var submitted = notices[i];
            var digest = submitted.Digest.ToArray();
            var existing = await find.Set("$digest", digest).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            if (existing is { } existingSeq)
            {
                seqs[i] = existingSeq;
                continue;
            }

            long? oldSeq = null;
            if (submitted.Supersedes is { } supersedes)
            {
                using var reader = await findOld.Set("$id", supersedes.ToString())
                    .ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return AcceptResult.Failure(AcceptOutcome.SupersededNoticeNotFound, i);
                }

                if (reader.GetInt64(2) == 0)
                {
                    return AcceptResult.Failure(AcceptOutcome.SupersededNoticeNotInForce, i);
                }

                oldSeq = reader.GetInt64(0);
            }

            var acceptedAt = SqliteValues.Truncate(_time.GetUtcNow());
            var id = NoticeId.New(_time);
            var salt = Salt.Generate();
            var leaf = MerkleLeaf.Hash(salt, submitted.Digest);
            var seq = await insert
                .Set("$id", id.ToString()).Set("$digest", digest).Set("$salt", salt.ToArray()).Set("$leaf", leaf.ToArray())
                .Set("$reference", submitted.Reference.Value).Set("$accepted_at", SqliteValues.ToMilliseconds(acceptedAt))
                .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("INSERT returned no seq.");
            if (oldSeq is { } old)
            {
                await RecordSupersessionAsync(connection, transaction, authorityBytes, old, seq, acceptedAt, cancellationToken).ConfigureAwait(false);
            }

            seqs[i] = seq;
            results[i] = new AcceptedNotice(
                new Notice
                {
                    Id = id,
                    Authority = authority,
                    Digest = submitted.Digest,
                    Salt = salt,
                    Leaf = leaf,
                    Reference = submitted.Reference,
                    AcceptedAt = acceptedAt,
                    Status = NoticeStatus.Pending,
                    Supersedes = submitted.Supersedes,
                },
                Created: true);
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= new AcceptedNotice(
                await ReadNoticeAsync(connection, transaction, seqs[i], cancellationToken).ConfigureAwait(false), Created: false);
        }

        if (idempotencyKey is not null)
        {
            await RecordIdempotencyKeyAsync(connection, transaction, authorityBytes, idempotencyKey, seqs, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AcceptResult.Success(AcceptOutcome.Accepted, results!);
    }

    /// <inheritdoc />
    public async Task<Notice?> GetAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, NoticeSelect + " WHERE n.id = $id AND n.authority = $authority;")
            .With("$id", id.ToString()).With("$authority", authority.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadNotice(reader) : null;
    }

    /// <inheritdoc />
    public async Task<Receipt?> GetReceiptAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        StoredReceipt? stored;
        using (var command = connection.Command(transaction, $"""
            SELECT {ReceiptColumns}
            FROM notices n {ReceiptJoins}
            WHERE n.id = $id AND n.authority = $authority;
            """)
            .With("$id", id.ToString()).With("$authority", authority.ToArray()))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            stored = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadStoredReceipt(reader, 0) : null;
        }

        return stored is null ? null : await BuildReceiptAsync(connection, transaction, authority, stored, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RevocationRequestResult> RequestRevocationAsync(
        AuthorityId authority,
        NoticeId id,
        RevocationReason reason,
        DateTimeOffset effectiveAt,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown revocation reason.");
        }

        var effective = EffectiveDate.Normalize(effectiveAt);
        var authorityBytes = authority.ToArray();
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        long seq;
        bool inForce;
        using (var find = connection.Command(transaction, $"""
            SELECT n.seq, {InForceCondition}
            FROM notices n WHERE n.authority = $authority AND n.id = $id;
            """)
            .With("$authority", authorityBytes).With("$id", id.ToString()))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new RevocationRequestResult(RevocationRequestOutcome.NotFound, null);
            }

            seq = reader.GetInt64(0);
            inForce = reader.GetInt64(1) != 0;
        }

        using (var existing = connection.Command(transaction, """
            SELECT reason, effective_at, requested_at FROM revocation_requests WHERE notice_seq = $seq;
            """).With("$seq", seq))
        using (var reader = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var request = new RevocationRequest(
                    SqliteValues.Reason(reader.GetInt64(0)),
                    SqliteValues.FromMilliseconds(reader.GetInt64(1)),
                    SqliteValues.FromMilliseconds(reader.GetInt64(2)));
                var same = request.Reason == reason && request.EffectiveAt == effective;
                return new RevocationRequestResult(
                    same ? RevocationRequestOutcome.AlreadyRecorded : RevocationRequestOutcome.ConflictingRequest, request);
            }
        }

        if (!inForce)
        {
            return new RevocationRequestResult(RevocationRequestOutcome.NotInForce, null);
        }

        var now = SqliteValues.Truncate(_time.GetUtcNow());
        var actionId = await InsertActionAsync(connection, transaction, "revoke", authorityBytes, now, cancellationToken).ConfigureAwait(false);
        using (var insert = connection.Command(transaction, """
            INSERT INTO revocation_requests (action_id, notice_seq, reason, effective_at, requested_at)
            VALUES ($action, $seq, $reason, $effective_at, $requested_at);
            """)
            .With("$action", actionId).With("$seq", seq).With("$reason", (long)reason)
            .With("$effective_at", SqliteValues.ToMilliseconds(effective)).With("$requested_at", SqliteValues.ToMilliseconds(now)))
        {
            await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RevocationRequestResult(RevocationRequestOutcome.Recorded, new RevocationRequest(reason, effective, now));
    }

    private static async Task<long> InsertActionAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string kind,
        byte[] authority,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        using var insert = connection.Command(transaction, """
            INSERT INTO chain_actions (kind, authority, created_at) VALUES ($kind, $authority, $created_at) RETURNING id;
            """)
            .With("$kind", kind).With("$authority", authority).With("$created_at", SqliteValues.ToMilliseconds(createdAt));
        return await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("INSERT returned no id.");
    }

    private static async Task RecordSupersessionAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        byte[] authority,
        long oldSeq,
        long newSeq,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        var actionId = await InsertActionAsync(connection, transaction, "supersede", authority, createdAt, cancellationToken).ConfigureAwait(false);
        using var insert = connection.Command(transaction, """
            INSERT INTO supersession_requests (action_id, old_notice_seq, new_notice_seq) VALUES ($action, $old, $new);
            """)
            .With("$action", actionId).With("$old", oldSeq).With("$new", newSeq);
        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to a repeated idempotency key, or null when the key is new.</summary>
    private static async Task<AcceptResult?> ReplayAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        byte[] authority,
        IdempotencyKey idempotencyKey,
        CancellationToken cancellationToken)
    {
        byte[] fingerprint;
        using (var find = connection.Command(transaction, """
            SELECT fingerprint FROM idempotency_keys WHERE authority = $authority AND key = $key;
            """).With("$authority", authority).With("$key", idempotencyKey.Key))
        {
            var value = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (value is null or DBNull)
            {
                return null;
            }

            fingerprint = (byte[])value;
        }

        if (!fingerprint.AsSpan().SequenceEqual(idempotencyKey.RequestFingerprint.ToArray()))
        {
            return AcceptResult.Failure(AcceptOutcome.IdempotencyKeyReused);
        }

        var seqs = new List<long>();
        using (var list = connection.Command(transaction, """
            SELECT notice_seq FROM idempotency_key_notices WHERE authority = $authority AND key = $key ORDER BY position;
            """).With("$authority", authority).With("$key", idempotencyKey.Key))
        using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seqs.Add(reader.GetInt64(0));
            }
        }

        var notices = new List<AcceptedNotice>(seqs.Count);
        foreach (var seq in seqs)
        {
            notices.Add(new AcceptedNotice(await ReadNoticeAsync(connection, transaction, seq, cancellationToken).ConfigureAwait(false), Created: false));
        }

        return AcceptResult.Success(AcceptOutcome.Replayed, notices);
    }

    private async Task RecordIdempotencyKeyAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        byte[] authority,
        IdempotencyKey idempotencyKey,
        long[] seqs,
        CancellationToken cancellationToken)
    {
        using (var insert = connection.Command(transaction, """
            INSERT INTO idempotency_keys (authority, key, fingerprint, created_at) VALUES ($authority, $key, $fingerprint, $created_at);
            """)
            .With("$authority", authority).With("$key", idempotencyKey.Key)
            .With("$fingerprint", idempotencyKey.RequestFingerprint.ToArray())
            .With("$created_at", SqliteValues.ToMilliseconds(_time.GetUtcNow())))
        {
            await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        using var position = connection.Command(transaction, """
            INSERT INTO idempotency_key_notices (authority, key, position, notice_seq) VALUES ($authority, $key, $position, $seq);
            """)
            .With("$authority", authority).With("$key", idempotencyKey.Key).With("$position", 0L).With("$seq", 0L);
        for (var i = 0; i < seqs.Length; i++)
        {
            await position.Set("$position", (long)i).Set("$seq", seqs[i]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Notice> ReadNoticeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long seq,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, NoticeSelect + " WHERE n.seq = $seq;").With("$seq", seq);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? ReadNotice(reader)
            : throw new InvalidOperationException($"Notice {seq} vanished inside a transaction.");
    }

    /// <summary>Builds a notice from a row of <see cref="NoticeSelect"/>.</summary>
    private static Notice ReadNotice(SqliteDataReader reader)
    {
        var authority = SqliteValues.Authority(reader.GetBlob(2));
        var leaf = SqliteValues.Hash(reader.GetBlob(5));
        DateTimeOffset? anchoredAt = reader.IsDBNull(8) ? null : SqliteValues.FromMilliseconds(reader.GetInt64(8));

        RevocationRequest? request = reader.IsDBNull(10)
            ? null
            : new RevocationRequest(
                SqliteValues.Reason(reader.GetInt64(10)),
                SqliteValues.FromMilliseconds(reader.GetInt64(11)),
                SqliteValues.FromMilliseconds(reader.GetInt64(12)));

        RevocationFact? revocation = reader.IsDBNull(13)
            ? null
            : new RevocationFact(
                authority,
                leaf,
                SqliteValues.Hash(reader.GetBlob(13)),
                SqliteValues.Reason(reader.GetInt64(14)),
                SqliteValues.FromMilliseconds(reader.GetInt64(15)),
                SqliteValues.FromMilliseconds(reader.GetInt64(16)),
                ReadPosition(reader, 17));

        SupersessionFact? supersession = reader.IsDBNull(21)
            ? null
            : new SupersessionFact(
                authority,
                leaf,
                SqliteValues.Hash(reader.GetBlob(21)),
                SqliteValues.Hash(reader.GetBlob(22)),
                SqliteValues.Hash(reader.GetBlob(23)),
                SqliteValues.Reason(reader.GetInt64(24)),
                SqliteValues.FromMilliseconds(reader.GetInt64(25)),
                SqliteValues.FromMilliseconds(reader.GetInt64(26)),
                ReadPosition(reader, 27));

        var status = revocation is not null ? NoticeStatus.Revoked
            : supersession is not null ? NoticeStatus.Superseded
            : anchoredAt is not null ? NoticeStatus.Anchored
            : NoticeStatus.Pending;

        return new Notice
        {
            Id = SqliteValues.NoticeId(reader.GetString(1)),
            Authority = authority,
            Digest = SqliteValues.Digest(reader.GetBlob(3)),
            Salt = SqliteValues.Salt(reader.GetBlob(4)),
            Leaf = leaf,
            Reference = NoticeReference.Parse(reader.GetString(6)),
            AcceptedAt = SqliteValues.FromMilliseconds(reader.GetInt64(7)),
            Status = status,
            AnchoredAt = anchoredAt,
            Supersedes = reader.IsDBNull(9) ? null : SqliteValues.NoticeId(reader.GetString(9)),
            RevocationRequest = request,
            Revocation = revocation,
            Supersession = supersession,
            SupersededBy = reader.IsDBNull(31) ? null : SqliteValues.NoticeId(reader.GetString(31)),
        };
    }

    /// <summary>Reads block number, block hash, transaction hash and log index from four consecutive columns.</summary>
    private static ChainEventPosition ReadPosition(SqliteDataReader reader, int first) => new(
        SqliteValues.ToUInt64(reader.GetInt64(first)),
        SqliteValues.ChainHash(reader.GetBlob(first + 1)),
        SqliteValues.ChainHash(reader.GetBlob(first + 2)),
        checked((uint)reader.GetInt64(first + 3)));
}
