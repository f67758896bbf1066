using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The anchoring worker's side, part 3: recording that an action's transaction was mined, reverted or
/// un-mined by a reorg, and listing what was mined.</summary>
public sealed partial class SqliteNoticeStore
{
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
}
