using Npgsql;
using NpgsqlTypes;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Postgres;

/// <summary>The anchoring worker's side, part 1: the outbox, batches, and the description of chain actions.</summary>
public sealed partial class PostgresNoticeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingBacklog>> ListPendingBacklogsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT authority, count(*), min(accepted_at) FROM notices WHERE batch_id IS NULL
            GROUP BY authority ORDER BY min(accepted_at), authority;
            """);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var backlogs = new List<PendingBacklog>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            backlogs.Add(new PendingBacklog(reader.GetAuthority(0), checked((int)reader.GetInt64(1)), reader.GetTime(2)));
        }

        return backlogs;
    }

    /// <inheritdoc />
    /// <remarks>Under the authority's advisory lock, the same one accepting takes: two workers (in two processes)
    /// closing batches for one authority queue, so no notice lands in two batches, and no accept is half-way while a
    /// batch is cut, so a batch is the oldest notices in acceptance order.</remarks>
    public async Task<AnchorAction?> CreateBatchAsync(AuthorityId authority, int maxSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        var authorityBytes = authority.ToArray();
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.AuthorityAsync(connection, transaction, authorityBytes, cancellationToken).ConfigureAwait(false);

        var seqs = new List<long>();
        var ids = new List<NoticeId>();
        var leaves = new List<MerkleHash>();
        using (var pending = connection.Command(transaction, """
            SELECT seq, id, leaf FROM notices WHERE authority = @authority AND batch_id IS NULL ORDER BY seq LIMIT @limit;
            """).WithBytes("authority", authorityBytes).WithInt64("limit", maxSize))
        using (var reader = await pending.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seqs.Add(reader.GetInt64(0));
                ids.Add(reader.GetNoticeId(1));
                leaves.Add(reader.GetHash(2));
            }
        }

        if (seqs.Count == 0)
        {
            return null;
        }

        var tree = MerkleTree.FromLeafHashes(leaves);
        var createdAt = PostgresValues.Truncate(_time.GetUtcNow());
        var actionId = await InsertActionAsync(connection, transaction, "anchor", authorityBytes, createdAt, cancellationToken).ConfigureAwait(false);
        using (var batch = connection.Command(transaction, """
            INSERT INTO batches (action_id, tree_size, root, leaves) VALUES (@action, @size, @root, @leaves);
            """)
            .WithInt64("action", actionId).WithInt64("size", seqs.Count).WithBytes("root", tree.Root.ToArray())
            .WithBytes("leaves", BatchTrees.Concatenate(leaves)))
        {
            await batch.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var assign = connection.Command(transaction, """
            UPDATE notices SET batch_id = @action, leaf_index = u.ord - 1
            FROM unnest(@seqs) WITH ORDINALITY AS u(seq, ord)
            WHERE notices.seq = u.seq AND notices.batch_id IS NULL;
            """).WithInt64("action", actionId).With("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint, seqs.ToArray()))
        {
            if (await assign.ExecuteAsync(cancellationToken).ConfigureAwait(false) != seqs.Count)
            {
                throw new InvalidOperationException($"Notices of batch {actionId} were batched concurrently.");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AnchorAction(new ChainActionId(actionId), authority, createdAt, tree.Root, tree.Size, ids);
    }

    /// <inheritdoc />
    public async Task<ChainAction?> GetActionAsync(ChainActionId action, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        return await ReadActionAsync(connection, transaction, action.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChainAction>> ListReadyActionsAsync(
        AuthorityId? authority,
        int limit,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var ids = new List<long>();
        using (var command = connection.Command(transaction, """
            SELECT a.id FROM chain_actions a
            WHERE a.mined_tx IS NULL
              AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.action_id = a.id AND t.state = 'live')
              AND (@authority IS NULL OR a.authority = @authority)
              AND CASE a.kind
                  WHEN 'anchor' THEN true
                  WHEN 'revoke' THEN EXISTS (
                      SELECT 1 FROM revocation_requests r
                      JOIN notices n ON n.seq = r.notice_seq
                      JOIN chain_actions b ON b.id = n.batch_id
                      WHERE r.action_id = a.id AND b.mined_tx IS NOT NULL)
                  ELSE EXISTS (
                      SELECT 1 FROM supersession_requests s
                      JOIN notices o ON o.seq = s.old_notice_seq
                      JOIN chain_actions ob ON ob.id = o.batch_id
                      JOIN notices w ON w.seq = s.new_notice_seq
                      JOIN chain_actions wb ON wb.id = w.batch_id
                      WHERE s.action_id = a.id AND ob.mined_tx IS NOT NULL AND wb.mined_tx IS NOT NULL)
                  END
            ORDER BY a.id LIMIT @limit;
            """).WithBytes("authority", authority?.ToArray()).WithInt64("limit", limit))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var actions = new List<ChainAction>(ids.Count);
        foreach (var id in ids)
        {
            actions.Add(await ReadActionAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Ready action {id} cannot be described."));
        }

        return actions;
    }

    /// <summary>Describes an action from its rows; null when a revocation or supersession has a notice in no batch yet.</summary>
    private async Task<ChainAction?> ReadActionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long actionId,
        CancellationToken cancellationToken)
    {
        ChainActionKind kind;
        AuthorityId authority;
        DateTimeOffset createdAt;
        using (var find = connection.Command(transaction, "SELECT kind, authority, created_at FROM chain_actions WHERE id = @action;")
            .WithInt64("action", actionId))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            kind = PostgresValues.Kind(reader.GetString(0));
            authority = reader.GetAuthority(1);
            createdAt = reader.GetTime(2);
        }

        var id = new ChainActionId(actionId);
        return kind switch
        {
            ChainActionKind.Anchor => await ReadAnchorAsync(connection, transaction, id, authority, createdAt, cancellationToken).ConfigureAwait(false),
            ChainActionKind.Revoke => await ReadRevokeAsync(connection, transaction, id, authority, createdAt, cancellationToken).ConfigureAwait(false),
            _ => await ReadSupersedeAsync(connection, transaction, id, authority, createdAt, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<AnchorAction> ReadAnchorAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        MerkleHash root;
        ulong size;
        using (var batch = connection.Command(transaction, "SELECT root, tree_size FROM batches WHERE action_id = @action;")
            .WithInt64("action", id.Value))
        using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Anchor action {id} has no batch.");
            }

            root = reader.GetHash(0);
            size = reader.GetUInt64(1);
        }

        var notices = new List<NoticeId>();
        using (var list = connection.Command(transaction, "SELECT id FROM notices WHERE batch_id = @action ORDER BY leaf_index;")
            .WithInt64("action", id.Value))
        using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                notices.Add(reader.GetNoticeId(0));
            }
        }

        return new AnchorAction(id, authority, createdAt, root, size, notices);
    }

    private async Task<RevokeAction?> ReadRevokeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        RevocationReason reason;
        DateTimeOffset effectiveAt;
        NoticeRow notice;
        using (var find = connection.Command(transaction, """
            SELECT r.reason, r.effective_at, n.id, n.leaf, n.batch_id, n.leaf_index
            FROM revocation_requests r JOIN notices n ON n.seq = r.notice_seq WHERE r.action_id = @action;
            """).WithInt64("action", id.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Revoke action {id} has no request.");
            }

            reason = reader.GetReason(0);
            effectiveAt = reader.GetTime(1);
            notice = NoticeRow.Read(reader, 2);
        }

        var inclusion = await IncludeAsync(connection, transaction, notice, cancellationToken).ConfigureAwait(false);
        return inclusion is null ? null : new RevokeAction(id, authority, createdAt, inclusion, reason, effectiveAt);
    }

    private async Task<SupersedeAction?> ReadSupersedeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        NoticeRow oldNotice;
        NoticeRow newNotice;
        DateTimeOffset? newAnchoredAt;
        using (var find = connection.Command(transaction, """
            SELECT o.id, o.leaf, o.batch_id, o.leaf_index, w.id, w.leaf, w.batch_id, w.leaf_index,
                   (SELECT b.mined_at FROM chain_actions b WHERE b.id = w.batch_id)
            FROM supersession_requests s
            JOIN notices o ON o.seq = s.old_notice_seq
            JOIN notices w ON w.seq = s.new_notice_seq
            WHERE s.action_id = @action;
            """).WithInt64("action", id.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Supersede action {id} has no request.");
            }

            oldNotice = NoticeRow.Read(reader, 0);
            newNotice = NoticeRow.Read(reader, 4);
            newAnchoredAt = reader.GetTimeOrNull(8);
        }

        var oldInclusion = await IncludeAsync(connection, transaction, oldNotice, cancellationToken).ConfigureAwait(false);
        var newInclusion = await IncludeAsync(connection, transaction, newNotice, cancellationToken).ConfigureAwait(false);
        return oldInclusion is null || newInclusion is null
            ? null
            : new SupersedeAction(id, authority, createdAt, oldInclusion, newInclusion, newAnchoredAt);
    }

    /// <summary>The notice's inclusion proof in its batch's tree, or null while it is in no batch.</summary>
    private async Task<NoticeInclusion?> IncludeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        NoticeRow notice,
        CancellationToken cancellationToken)
    {
        if (notice.BatchId is not { } batchId || notice.LeafIndex is not { } leafIndex)
        {
            return null;
        }

        var tree = await LoadTreeAsync(connection, transaction, batchId, cancellationToken).ConfigureAwait(false);
        return new NoticeInclusion(notice.Id, notice.Leaf, tree.Root, tree.ProveInclusion(PostgresValues.ToUInt64(leafIndex)));
    }

    /// <summary>A notice's id, leaf and place in its batch, read from four consecutive columns.</summary>
    private sealed record NoticeRow(NoticeId Id, MerkleHash Leaf, long? BatchId, long? LeafIndex)
    {
        public static NoticeRow Read(NpgsqlDataReader reader, int first) => new(
            reader.GetNoticeId(first),
            reader.GetHash(first + 1),
            reader.GetInt64OrNull(first + 2),
            reader.GetInt64OrNull(first + 3));
    }
}
