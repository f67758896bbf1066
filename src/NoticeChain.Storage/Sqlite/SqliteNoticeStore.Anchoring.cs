using Microsoft.Data.Sqlite;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The anchoring worker's side: the outbox, batches and chain actions.</summary>
public sealed partial class SqliteNoticeStore
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
            backlogs.Add(new PendingBacklog(
                SqliteValues.Authority(reader.GetBlob(0)),
                checked((int)reader.GetInt64(1)),
                SqliteValues.FromMilliseconds(reader.GetInt64(2))));
        }

        return backlogs;
    }

    /// <inheritdoc />
    public async Task<AnchorAction?> CreateBatchAsync(AuthorityId authority, int maxSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        var authorityBytes = authority.ToArray();
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        var seqs = new List<long>();
        var ids = new List<NoticeId>();
        var leaves = new List<MerkleHash>();
        using (var pending = connection.Command(transaction, """
            SELECT seq, id, leaf FROM notices WHERE authority = $authority AND batch_id IS NULL ORDER BY seq LIMIT $limit;
            """).With("$authority", authorityBytes).With("$limit", (long)maxSize))
        using (var reader = await pending.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seqs.Add(reader.GetInt64(0));
                ids.Add(SqliteValues.NoticeId(reader.GetString(1)));
                leaves.Add(SqliteValues.Hash(reader.GetBlob(2)));
            }
        }

        if (seqs.Count == 0)
        {
            return null;
        }

        var tree = MerkleTree.FromLeafHashes(leaves);
        var createdAt = SqliteValues.Truncate(_time.GetUtcNow());
        var actionId = await InsertActionAsync(connection, transaction, "anchor", authorityBytes, createdAt, cancellationToken).ConfigureAwait(false);
        using (var batch = connection.Command(transaction, """
            INSERT INTO batches (action_id, tree_size, root, leaves) VALUES ($action, $size, $root, $leaves);
            """)
            .With("$action", actionId).With("$size", (long)seqs.Count).With("$root", tree.Root.ToArray())
            .With("$leaves", BatchTrees.Concatenate(leaves)))
        {
            await batch.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var assign = connection.Command(transaction, """
            UPDATE notices SET batch_id = $action, leaf_index = $index WHERE seq = $seq AND batch_id IS NULL;
            """).With("$action", actionId).With("$index", 0L).With("$seq", 0L))
        {
            for (var i = 0; i < seqs.Count; i++)
            {
                if (await assign.Set("$index", (long)i).Set("$seq", seqs[i]).ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new InvalidOperationException($"Notice {ids[i]} was batched concurrently.");
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AnchorAction(new ChainActionId(actionId), authority, createdAt, tree.Root, tree.Size, ids);
    }

    /// <inheritdoc />
    public async Task<ChainAction?> GetActionAsync(ChainActionId action, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
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
        using var transaction = connection.BeginTransaction(deferred: true);
        var ids = new List<long>();
        using (var command = connection.Command(transaction, """
            SELECT a.id FROM chain_actions a
            WHERE a.mined_tx IS NULL
              AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.action_id = a.id AND t.state = 'live')
              AND ($authority IS NULL OR a.authority = $authority)
              AND CASE a.kind
                  WHEN 'anchor' THEN 1
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
            ORDER BY a.id LIMIT $limit;
            """).With("$authority", authority?.ToArray()).With("$limit", (long)limit))
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
        SqliteConnection connection,
        SqliteTransaction transaction,
        long actionId,
        CancellationToken cancellationToken)
    {
        ChainActionKind kind;
        AuthorityId authority;
        DateTimeOffset createdAt;
        using (var find = connection.Command(transaction, "SELECT kind, authority, created_at FROM chain_actions WHERE id = $action;")
            .With("$action", actionId))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            kind = SqliteValues.Kind(reader.GetString(0));
            authority = SqliteValues.Authority(reader.GetBlob(1));
            createdAt = SqliteValues.FromMilliseconds(reader.GetInt64(2));
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
        SqliteConnection connection,
        SqliteTransaction transaction,
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        MerkleHash root;
        ulong size;
        using (var batch = connection.Command(transaction, "SELECT root, tree_size FROM batches WHERE action_id = $action;")
            .With("$action", id.Value))
        using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Anchor action {id} has no batch.");
            }

            root = SqliteValues.Hash(reader.GetBlob(0));
            size = SqliteValues.ToUInt64(reader.GetInt64(1));
        }

        var notices = new List<NoticeId>();
        using (var list = connection.Command(transaction, "SELECT id FROM notices WHERE batch_id = $action ORDER BY leaf_index;")
            .With("$action", id.Value))
        using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                notices.Add(SqliteValues.NoticeId(reader.GetString(0)));
            }
        }

        return new AnchorAction(id, authority, createdAt, root, size, notices);
    }

    private async Task<RevokeAction?> ReadRevokeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
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
            FROM revocation_requests r JOIN notices n ON n.seq = r.notice_seq WHERE r.action_id = $action;
            """).With("$action", id.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Revoke action {id} has no request.");
            }

            reason = SqliteValues.Reason(reader.GetInt64(0));
            effectiveAt = SqliteValues.FromMilliseconds(reader.GetInt64(1));
            notice = NoticeRow.Read(reader, 2);
        }

        var inclusion = await IncludeAsync(connection, transaction, notice, cancellationToken).ConfigureAwait(false);
        return inclusion is null ? null : new RevokeAction(id, authority, createdAt, inclusion, reason, effectiveAt);
    }

    private async Task<SupersedeAction?> ReadSupersedeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
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
            WHERE s.action_id = $action;
            """).With("$action", id.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Supersede action {id} has no request.");
            }

            oldNotice = NoticeRow.Read(reader, 0);
            newNotice = NoticeRow.Read(reader, 4);
            newAnchoredAt = reader.IsDBNull(8) ? null : SqliteValues.FromMilliseconds(reader.GetInt64(8));
        }

        var oldInclusion = await IncludeAsync(connection, transaction, oldNotice, cancellationToken).ConfigureAwait(false);
        var newInclusion = await IncludeAsync(connection, transaction, newNotice, cancellationToken).ConfigureAwait(false);
        return oldInclusion is null || newInclusion is null
            ? null
            : new SupersedeAction(id, authority, createdAt, oldInclusion, newInclusion, newAnchoredAt);
    }

    /// <summary>The notice's inclusion proof in its batch's tree, or null while it is in no batch.</summary>
    private async Task<NoticeInclusion?> IncludeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        NoticeRow notice,
        CancellationToken cancellationToken)
    {
        if (notice.BatchId is not { } batchId || notice.LeafIndex is not { } leafIndex)
        {
            return null;
        }

        var tree = await LoadTreeAsync(connection, transaction, batchId, cancellationToken).ConfigureAwait(false);
        return new NoticeInclusion(notice.Id, notice.Leaf, tree.Root, tree.ProveInclusion(SqliteValues.ToUInt64(leafIndex)));
    }

    /// <summary>A notice's id, leaf and place in its batch, read from four consecutive columns.</summary>
    private sealed record NoticeRow(NoticeId Id, MerkleHash Leaf, long? BatchId, long? LeafIndex)
    {
        public static NoticeRow Read(SqliteDataReader reader, int first) => new(
            SqliteValues.NoticeId(reader.GetString(first)),
            SqliteValues.Hash(reader.GetBlob(first + 1)),
            reader.GetInt64OrNull(first + 2),
            reader.GetInt64OrNull(first + 3));
    }
}
