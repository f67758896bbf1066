using Microsoft.Data.Sqlite;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The anchoring worker's side: the outbox, batches, chain actions, their transactions and nonces.</summary>
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

    /// <inheritdoc />
    public async Task<TransactionRecordResult> RecordTransactionAsync(
        ChainActionId action,
        OutgoingTransaction transaction,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        CheckTransaction(transaction, nameof(transaction));
        var sender = transaction.Sender.ToArray();
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var dbTransaction = connection.BeginTransaction(deferred: false);
        var next = await ReadNextNonceAsync(connection, dbTransaction, sender, cancellationToken).ConfigureAwait(false);

        bool mined;
        using (var find = connection.Command(dbTransaction, "SELECT mined_tx IS NOT NULL FROM chain_actions WHERE id = $action;")
            .With("$action", action.Value))
        {
            var value = await find.ScalarInt64Async(cancellationToken).ConfigureAwait(false);
            if (value is null)
            {
                return new TransactionRecordResult(TransactionRecordOutcome.ActionNotFound, next);
            }

            mined = value != 0;
        }

        var owner = await FindTransactionOwnerAsync(connection, dbTransaction, transaction.Hash, cancellationToken).ConfigureAwait(false);
        if (owner is { } ownerAction)
        {
            return ownerAction == action.Value
                ? new TransactionRecordResult(TransactionRecordOutcome.AlreadyRecorded, next)
                : throw new InvalidOperationException($"Transaction {transaction.Hash} is recorded for action {ownerAction}.");
        }

        if (mined || await LiveTransactionAsync(connection, dbTransaction, action.Value, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new TransactionRecordResult(TransactionRecordOutcome.ActionBusy, next);
        }

        if (transaction.Nonce != next)
        {
            return new TransactionRecordResult(TransactionRecordOutcome.NonceMismatch, next);
        }

        await InsertTransactionAsync(connection, dbTransaction, action.Value, transaction, cancellationToken).ConfigureAwait(false);
        var raised = await RaiseNonceAsync(connection, dbTransaction, sender, transaction.Nonce + 1, cancellationToken).ConfigureAwait(false);
        await dbTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TransactionRecordResult(TransactionRecordOutcome.Recorded, raised);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InFlightTransaction>> ListInFlightAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);

        var replaced = new Dictionary<long, List<ChainHash>>();
        using (var history = connection.Command(transaction, """
            SELECT t.action_id, t.hash FROM transactions t
            JOIN transactions l ON l.action_id = t.action_id AND l.state = 'live' AND l.sender = t.sender AND l.nonce = t.nonce
            WHERE t.state = 'replaced' ORDER BY t.id;
            """))
        using (var reader = await history.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var actionId = reader.GetInt64(0);
                if (!replaced.TryGetValue(actionId, out var hashes))
                {
                    replaced[actionId] = hashes = [];
                }

                hashes.Add(SqliteValues.ChainHash(reader.GetBlob(1)));
            }
        }

        var inFlight = new List<InFlightTransaction>();
        using (var live = connection.Command(transaction, """
            SELECT t.action_id, a.kind, a.authority, t.sender, t.nonce, t.hash, t.raw, t.chain_id, t.recipient, t.sent_at
            FROM transactions t JOIN chain_actions a ON a.id = t.action_id
            WHERE t.state = 'live' ORDER BY t.sender, t.nonce, t.id;
            """))
        using (var reader = await live.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var actionId = reader.GetInt64(0);
                inFlight.Add(new InFlightTransaction(
                    new ChainActionId(actionId),
                    SqliteValues.Kind(reader.GetString(1)),
                    SqliteValues.Authority(reader.GetBlob(2)),
                    new OutgoingTransaction(
                        SqliteValues.Address(reader.GetBlob(3)),
                        SqliteValues.ToUInt64(reader.GetInt64(4)),
                        SqliteValues.ChainHash(reader.GetBlob(5)),
                        reader.GetBlob(6),
                        SqliteValues.ToUInt64(reader.GetInt64(7)),
                        SqliteValues.Address(reader.GetBlob(8))),
                    SqliteValues.FromMilliseconds(reader.GetInt64(9)),
                    replaced.TryGetValue(actionId, out var hashes) ? hashes : []));
            }
        }

        return inFlight;
    }

    /// <inheritdoc />
    public async Task<TransactionReplaceOutcome> ReplaceTransactionAsync(
        ChainActionId action,
        ChainHash current,
        OutgoingTransaction replacement,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        CheckTransaction(replacement, nameof(replacement));
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        var live = await LiveTransactionAsync(connection, transaction, action.Value, cancellationToken).ConfigureAwait(false);
        var owner = await FindTransactionOwnerAsync(connection, transaction, replacement.Hash, cancellationToken).ConfigureAwait(false);
        if (owner is not null)
        {
            return owner == action.Value && live is not null && live.Hash == replacement.Hash
                ? TransactionReplaceOutcome.AlreadyReplaced
                : throw new InvalidOperationException($"Transaction {replacement.Hash} is already recorded.");
        }

        if (live is null)
        {
            return TransactionReplaceOutcome.NotInFlight;
        }

        if (live.Hash != current)
        {
            return TransactionReplaceOutcome.StaleTransaction;
        }

        if (live.Sender != replacement.Sender || live.Nonce != replacement.Nonce)
        {
            return TransactionReplaceOutcome.SenderOrNonceMismatch;
        }

        using (var retire = connection.Command(transaction, "UPDATE transactions SET state = 'replaced' WHERE id = $id;")
            .With("$id", live.Id))
        {
            await retire.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertTransactionAsync(connection, transaction, action.Value, replacement, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return TransactionReplaceOutcome.Replaced;
    }

    /// <inheritdoc />
    public Task<ConfirmationOutcome> MarkMinedAsync(
        ChainActionId action,
        MinedTransaction mined,
        CancellationToken cancellationToken = default) =>
        ConfirmAsync(action, mined, reverted: false, cancellationToken);

    /// <inheritdoc />
    public Task<ConfirmationOutcome> MarkRevertedAsync(
        ChainActionId action,
        MinedTransaction mined,
        CancellationToken cancellationToken = default) =>
        ConfirmAsync(action, mined, reverted: true, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> AbandonTransactionAsync(ChainActionId action, ChainHash current, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            UPDATE transactions SET state = 'abandoned' WHERE action_id = $action AND hash = $hash AND state = 'live';
            """).With("$action", action.Value).With("$hash", current.ToArray());
        return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UnmineAsync(ChainActionId action, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var revive = connection.Command(transaction, """
            UPDATE transactions SET state = 'live', block_number = NULL, block_hash = NULL
            WHERE hash = (SELECT mined_tx FROM chain_actions WHERE id = $action) AND state = 'mined';
            """).With("$action", action.Value))
        {
            if (await revive.ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        using (var clear = connection.Command(transaction, """
            UPDATE chain_actions SET mined_tx = NULL, mined_block_number = NULL, mined_block_hash = NULL, mined_at = NULL
            WHERE id = $action;
            """).With("$action", action.Value))
        {
            await clear.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MinedAction>> ListMinedAsync(ulong fromBlockNumber, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT id, kind, authority, mined_tx, mined_block_number, mined_block_hash, mined_at FROM chain_actions
            WHERE mined_tx IS NOT NULL AND mined_block_number >= $from ORDER BY mined_block_number, id;
            """).With("$from", SqliteValues.ToInt64(fromBlockNumber));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var mined = new List<MinedAction>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            mined.Add(new MinedAction(
                new ChainActionId(reader.GetInt64(0)),
                SqliteValues.Kind(reader.GetString(1)),
                SqliteValues.Authority(reader.GetBlob(2)),
                new MinedTransaction(
                    SqliteValues.ChainHash(reader.GetBlob(3)),
                    SqliteValues.ToUInt64(reader.GetInt64(4)),
                    SqliteValues.ChainHash(reader.GetBlob(5)),
                    SqliteValues.FromMilliseconds(reader.GetInt64(6)))));
        }

        return mined;
    }

    /// <inheritdoc />
    public async Task<ulong> GetNextNonceAsync(ChainAddress sender, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadNextNonceAsync(connection, null, sender.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ulong> RaiseNextNonceAsync(ChainAddress sender, ulong atLeast, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await RaiseNonceAsync(connection, null, sender.ToArray(), atLeast, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckTransaction(OutgoingTransaction transaction, string parameterName)
    {
        if (transaction.RawTransaction.IsEmpty || transaction.ChainId == 0 || transaction.Hash.IsZero
            || transaction.Sender.IsZero || transaction.To.IsZero)
        {
            throw new ArgumentException("A transaction needs raw bytes, a hash, a sender, a recipient and a chain id.", parameterName);
        }
    }

    private async Task<ConfirmationOutcome> ConfirmAsync(
        ChainActionId action,
        MinedTransaction mined,
        bool reverted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mined);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        byte[]? minedTx;
        byte[]? minedBlock;
        using (var find = connection.Command(transaction, "SELECT mined_tx, mined_block_hash FROM chain_actions WHERE id = $action;")
            .With("$action", action.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return ConfirmationOutcome.ActionNotFound;
            }

            minedTx = reader.GetBlobOrNull(0);
            minedBlock = reader.GetBlobOrNull(1);
        }

        long txId;
        string state;
        byte[]? txBlock;
        using (var find = connection.Command(transaction, """
            SELECT id, state, block_hash FROM transactions WHERE hash = $hash AND action_id = $action;
            """).With("$hash", mined.TransactionHash.ToArray()).With("$action", action.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return ConfirmationOutcome.UnknownTransaction;
            }

            txId = reader.GetInt64(0);
            state = reader.GetString(1);
            txBlock = reader.GetBlobOrNull(2);
        }

        var blockHash = mined.BlockHash.ToArray();
        if (minedTx is not null)
        {
            var same = !reverted && minedTx.AsSpan().SequenceEqual(mined.TransactionHash.ToArray()) && minedBlock.AsSpan().SequenceEqual(blockHash);
            return same ? ConfirmationOutcome.AlreadyMarked : ConfirmationOutcome.Conflict;
        }

        if (reverted && state == "reverted")
        {
            return txBlock.AsSpan().SequenceEqual(blockHash) ? ConfirmationOutcome.AlreadyMarked : ConfirmationOutcome.Conflict;
        }

        using (var others = connection.Command(transaction, """
            UPDATE transactions SET state = 'replaced' WHERE action_id = $action AND state = 'live' AND id <> $id;
            """).With("$action", action.Value).With("$id", txId))
        {
            await others.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        var blockNumber = SqliteValues.ToInt64(mined.BlockNumber);
        using (var mark = connection.Command(transaction, """
            UPDATE transactions SET state = $state, block_number = $number, block_hash = $block WHERE id = $id;
            """).With("$state", reverted ? "reverted" : "mined").With("$number", blockNumber).With("$block", blockHash).With("$id", txId))
        {
            await mark.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!reverted)
        {
            using var confirm = connection.Command(transaction, """
                UPDATE chain_actions SET mined_tx = $tx, mined_block_number = $number, mined_block_hash = $block, mined_at = $at
                WHERE id = $action;
                """)
                .With("$tx", mined.TransactionHash.ToArray()).With("$number", blockNumber).With("$block", blockHash)
                .With("$at", SqliteValues.ToMilliseconds(mined.BlockTime)).With("$action", action.Value);
            await confirm.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ConfirmationOutcome.Marked;
    }

    private async Task InsertTransactionAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long actionId,
        OutgoingTransaction outgoing,
        CancellationToken cancellationToken)
    {
        using var insert = connection.Command(transaction, """
            INSERT INTO transactions (action_id, hash, sender, nonce, chain_id, recipient, raw, state, sent_at)
            VALUES ($action, $hash, $sender, $nonce, $chain_id, $recipient, $raw, 'live', $sent_at);
            """)
            .With("$action", actionId).With("$hash", outgoing.Hash.ToArray()).With("$sender", outgoing.Sender.ToArray())
            .With("$nonce", SqliteValues.ToInt64(outgoing.Nonce)).With("$chain_id", SqliteValues.ToInt64(outgoing.ChainId))
            .With("$recipient", outgoing.To.ToArray()).With("$raw", outgoing.RawTransaction.ToArray())
            .With("$sent_at", SqliteValues.ToMilliseconds(_time.GetUtcNow()));
        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long?> FindTransactionOwnerAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        ChainHash hash,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, "SELECT action_id FROM transactions WHERE hash = $hash;")
            .With("$hash", hash.ToArray());
        return await find.ScalarInt64Async(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<LiveTransaction?> LiveTransactionAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long actionId,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, """
            SELECT id, hash, sender, nonce FROM transactions WHERE action_id = $action AND state = 'live';
            """).With("$action", actionId);
        using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LiveTransaction(
                reader.GetInt64(0),
                SqliteValues.ChainHash(reader.GetBlob(1)),
                SqliteValues.Address(reader.GetBlob(2)),
                SqliteValues.ToUInt64(reader.GetInt64(3)))
            : null;
    }

    private static async Task<ulong> ReadNextNonceAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        byte[] sender,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, "SELECT next_nonce FROM nonces WHERE sender = $sender;")
            .With("$sender", sender);
        return await find.ScalarInt64Async(cancellationToken).ConfigureAwait(false) is { } next ? SqliteValues.ToUInt64(next) : 0;
    }

    private static async Task<ulong> RaiseNonceAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        byte[] sender,
        ulong atLeast,
        CancellationToken cancellationToken)
    {
        using var raise = connection.Command(transaction, """
            INSERT INTO nonces (sender, next_nonce) VALUES ($sender, $next)
            ON CONFLICT (sender) DO UPDATE SET next_nonce = max(next_nonce, excluded.next_nonce)
            RETURNING next_nonce;
            """).With("$sender", sender).With("$next", SqliteValues.ToInt64(atLeast));
        return SqliteValues.ToUInt64(await raise.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The nonce upsert returned nothing."));
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

    private sealed record LiveTransaction(long Id, ChainHash Hash, ChainAddress Sender, ulong Nonce);

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
