using Npgsql;
using NpgsqlTypes;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Postgres;

/// <summary>The issuing API's side: accept, read, receipts, revocation requests.</summary>
public sealed partial class PostgresNoticeStore
{
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
    /// <remarks>
    /// Runs under the authority's advisory lock, so concurrent submissions of one authority (from any process) queue:
    /// a digest becomes one notice, an idempotency key is recorded once, and notice numbers (<c>seq</c>) follow the
    /// commit order within an authority, which is the order batches take them in. New notices go to the server in
    /// bulk (<c>unnest</c>), flushed before each <see cref="NewNotice.Supersedes"/> check so that the check sees every
    /// earlier entry of the submission, exactly as one row at a time would.
    /// </remarks>
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
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.AuthorityAsync(connection, transaction, authorityBytes, cancellationToken).ConfigureAwait(false);

        if (idempotencyKey is not null)
        {
            var replay = await ReplayAsync(connection, transaction, authorityBytes, idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (replay is not null)
            {
                return replay;
            }
        }

        var existing = await FindDigestsAsync(connection, transaction, authorityBytes, notices, cancellationToken).ConfigureAwait(false);
        var firstEntry = new Dictionary<Digest, int>();
        var sameAs = new int[notices.Count];
        var seqs = new long[notices.Count];
        var created = new Notice?[notices.Count];
        var batch = new NoticeInsert(authorityBytes);
        for (var i = 0; i < notices.Count; i++)
        {
            var submitted = notices[i];
            sameAs[i] = -1;
            if (existing.TryGetValue(submitted.Digest, out var existingSeq))
            {
                seqs[i] = existingSeq;
                continue;
            }

            if (firstEntry.TryGetValue(submitted.Digest, out var first))
            {
                sameAs[i] = first;
                continue;
            }

            long? oldSeq = null;
            if (submitted.Supersedes is { } supersedes)
            {
                await batch.FlushAsync(connection, transaction, seqs, cancellationToken).ConfigureAwait(false);
                var (found, inForce) = await FindInForceAsync(connection, transaction, authorityBytes, supersedes, cancellationToken).ConfigureAwait(false);
                if (found is null)
                {
                    return AcceptResult.Failure(AcceptOutcome.SupersededNoticeNotFound, i);
                }

                if (!inForce)
                {
                    return AcceptResult.Failure(AcceptOutcome.SupersededNoticeNotInForce, i);
                }

                oldSeq = found;
            }

            var acceptedAt = PostgresValues.Truncate(_time.GetUtcNow());
            var salt = Salt.Generate();
            var notice = new Notice
            {
                Id = NoticeId.New(_time),
                Authority = authority,
                Digest = submitted.Digest,
                Salt = salt,
                Leaf = MerkleLeaf.Hash(salt, submitted.Digest),
                Reference = submitted.Reference,
                AcceptedAt = acceptedAt,
                Status = NoticeStatus.Pending,
                Supersedes = submitted.Supersedes,
            };
            created[i] = notice;
            firstEntry[submitted.Digest] = i;
            batch.Add(i, notice);
            if (oldSeq is { } old)
            {
                await batch.FlushAsync(connection, transaction, seqs, cancellationToken).ConfigureAwait(false);
                await RecordSupersessionAsync(connection, transaction, authorityBytes, old, seqs[i], acceptedAt, cancellationToken).ConfigureAwait(false);
            }
        }

        await batch.FlushAsync(connection, transaction, seqs, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < seqs.Length; i++)
        {
            if (sameAs[i] >= 0)
            {
                seqs[i] = seqs[sameAs[i]];
            }
        }

        var known = await ReadNoticesAsync(
            connection, transaction, [.. seqs.Where((_, i) => created[i] is null)], cancellationToken).ConfigureAwait(false);
        var results = new AcceptedNotice[notices.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = created[i] is { } notice ? new AcceptedNotice(notice, Created: true) : new AcceptedNotice(known[seqs[i]], Created: false);
        }

        if (idempotencyKey is not null)
        {
            await RecordIdempotencyKeyAsync(connection, transaction, authorityBytes, idempotencyKey, seqs, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AcceptResult.Success(AcceptOutcome.Accepted, results);
    }

    /// <inheritdoc />
    public async Task<Notice?> GetAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, PostgresNoticeRows.Select + " WHERE n.id = @id AND n.authority = @authority;")
            .WithId("id", id).WithBytes("authority", authority.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? PostgresNoticeRows.Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<Receipt?> GetReceiptAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        StoredReceipt? stored;
        using (var command = connection.Command(transaction, $"""
            SELECT {PostgresNoticeRows.ReceiptColumns}
            {PostgresNoticeRows.ReceiptFrom}
            WHERE n.id = @id AND n.authority = @authority;
            """)
            .WithId("id", id).WithBytes("authority", authority.ToArray()))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            stored = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? PostgresNoticeRows.ReadReceipt(reader, 0) : null;
        }

        return stored is null
            ? null
            : stored.Build(authority, await LoadTreeAsync(connection, transaction, stored.BatchId, cancellationToken).ConfigureAwait(false));
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
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.AuthorityAsync(connection, transaction, authorityBytes, cancellationToken).ConfigureAwait(false);

        var (seq, inForce) = await FindInForceAsync(connection, transaction, authorityBytes, id, cancellationToken).ConfigureAwait(false);
        if (seq is null)
        {
            return new RevocationRequestResult(RevocationRequestOutcome.NotFound, null);
        }

        using (var existing = connection.Command(transaction, """
            SELECT reason, effective_at, requested_at FROM revocation_requests WHERE notice_seq = @seq;
            """).WithInt64("seq", seq))
        using (var reader = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var request = new RevocationRequest(reader.GetReason(0), reader.GetTime(1), reader.GetTime(2));
                var same = request.Reason == reason && request.EffectiveAt == effective;
                return new RevocationRequestResult(
                    same ? RevocationRequestOutcome.AlreadyRecorded : RevocationRequestOutcome.ConflictingRequest, request);
            }
        }

        if (!inForce)
        {
            return new RevocationRequestResult(RevocationRequestOutcome.NotInForce, null);
        }

        var now = PostgresValues.Truncate(_time.GetUtcNow());
        var actionId = await InsertActionAsync(connection, transaction, "revoke", authorityBytes, now, cancellationToken).ConfigureAwait(false);
        using (var insert = connection.Command(transaction, """
            INSERT INTO revocation_requests (action_id, notice_seq, reason, effective_at, requested_at)
            VALUES (@action, @seq, @reason, @effective_at, @requested_at);
            """)
            .WithInt64("action", actionId).WithInt64("seq", seq).With("reason", NpgsqlDbType.Smallint, (short)reason)
            .WithTime("effective_at", effective).WithTime("requested_at", now))
        {
            await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RevocationRequestResult(RevocationRequestOutcome.Recorded, new RevocationRequest(reason, effective, now));
    }

    private static async Task<long> InsertActionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string kind,
        byte[] authority,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        using var insert = connection.Command(transaction, """
            INSERT INTO chain_actions (kind, authority, created_at) VALUES (@kind, @authority, @created_at) RETURNING id;
            """)
            .WithText("kind", kind).WithBytes("authority", authority).WithTime("created_at", createdAt);
        return await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("INSERT returned no id.");
    }

    private static async Task RecordSupersessionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        byte[] authority,
        long oldSeq,
        long newSeq,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        var actionId = await InsertActionAsync(connection, transaction, "supersede", authority, createdAt, cancellationToken).ConfigureAwait(false);
        using var insert = connection.Command(transaction, """
            INSERT INTO supersession_requests (action_id, old_notice_seq, new_notice_seq) VALUES (@action, @old, @new);
            """)
            .WithInt64("action", actionId).WithInt64("old", oldSeq).WithInt64("new", newSeq);
        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The authority's notice with this id and whether it is in force; a null seq when there is none.</summary>
    private static async Task<(long? Seq, bool InForce)> FindInForceAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        byte[] authority,
        NoticeId id,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, $"""
            SELECT n.seq, {PostgresNoticeRows.InForceCondition}
            FROM notices n WHERE n.authority = @authority AND n.id = @id;
            """).WithBytes("authority", authority).WithId("id", id);
        using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetBoolean(1)) : (null, false);
    }

    /// <summary>The seqs of the authority's notices among the submission's digests.</summary>
    private static async Task<Dictionary<Digest, long>> FindDigestsAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        byte[] authority,
        IReadOnlyList<NewNotice> notices,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, "SELECT digest, seq FROM notices WHERE authority = @authority AND digest = ANY(@digests);")
            .WithBytes("authority", authority)
            .With("digests", NpgsqlDbType.Array | NpgsqlDbType.Bytea, notices.Select(n => n.Digest.ToArray()).ToArray());
        using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<Digest, long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found[reader.GetDigest(0)] = reader.GetInt64(1);
        }

        return found;
    }

    /// <summary>The answer to a repeated idempotency key, or null when the key is new.</summary>
    private static async Task<AcceptResult?> ReplayAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        byte[] authority,
        IdempotencyKey idempotencyKey,
        CancellationToken cancellationToken)
    {
        using (var find = connection.Command(transaction, "SELECT fingerprint FROM idempotency_keys WHERE authority = @authority AND key = @key;")
            .WithBytes("authority", authority).WithText("key", idempotencyKey.Key))
        {
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not byte[] fingerprint)
            {
                return null;
            }

            if (!fingerprint.AsSpan().SequenceEqual(idempotencyKey.RequestFingerprint.ToArray()))
            {
                return AcceptResult.Failure(AcceptOutcome.IdempotencyKeyReused);
            }
        }

        var seqs = new List<long>();
        using (var list = connection.Command(transaction, """
            SELECT notice_seq FROM idempotency_key_notices WHERE authority = @authority AND key = @key ORDER BY position;
            """).WithBytes("authority", authority).WithText("key", idempotencyKey.Key))
        using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seqs.Add(reader.GetInt64(0));
            }
        }

        var notices = await ReadNoticesAsync(connection, transaction, [.. seqs], cancellationToken).ConfigureAwait(false);
        return AcceptResult.Success(AcceptOutcome.Replayed, [.. seqs.Select(seq => new AcceptedNotice(notices[seq], Created: false))]);
    }

    private async Task RecordIdempotencyKeyAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        byte[] authority,
        IdempotencyKey idempotencyKey,
        long[] seqs,
        CancellationToken cancellationToken)
    {
        using var insert = connection.Command(transaction, """
            INSERT INTO idempotency_keys (authority, key, fingerprint, created_at) VALUES (@authority, @key, @fingerprint, @created_at);
            INSERT INTO idempotency_key_notices (authority, key, position, notice_seq)
            SELECT @authority, @key, (u.ord - 1)::integer, u.seq FROM unnest(@seqs) WITH ORDINALITY AS u(seq, ord);
            """)
            .WithBytes("authority", authority).WithText("key", idempotencyKey.Key)
            .WithBytes("fingerprint", idempotencyKey.RequestFingerprint.ToArray())
            .WithTime("created_at", _time.GetUtcNow())
            .With("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint, seqs);
        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The notices with these seqs, by seq.</summary>
    private static async Task<Dictionary<long, Notice>> ReadNoticesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long[] seqs,
        CancellationToken cancellationToken)
    {
        var notices = new Dictionary<long, Notice>();
        if (seqs.Length == 0)
        {
            return notices;
        }

        using var command = connection.Command(transaction, PostgresNoticeRows.Select + " WHERE n.seq = ANY(@seqs);")
            .With("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint, seqs.Distinct().ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            notices[reader.GetInt64(0)] = PostgresNoticeRows.Read(reader);
        }

        return seqs.All(notices.ContainsKey) ? notices : throw new InvalidOperationException("A notice vanished inside a transaction.");
    }
}
