using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Postgres;

/// <summary>The anchoring worker's side, part 3: recording that an action's transaction was mined or reverted.</summary>
public sealed partial class PostgresNoticeStore
{
    private async Task<ConfirmationOutcome> ConfirmAsync(
        ChainActionId action,
        MinedTransaction mined,
        bool reverted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mined);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        byte[]? minedTx;
        byte[]? minedBlock;
        using (var find = connection.Command(transaction, """
            SELECT mined_tx, mined_block_hash FROM chain_actions WHERE id = @action FOR NO KEY UPDATE;
            """).WithInt64("action", action.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return ConfirmationOutcome.ActionNotFound;
            }

            minedTx = reader.GetBytesOrNull(0);
            minedBlock = reader.GetBytesOrNull(1);
        }

        long txId;
        string state;
        byte[]? txBlock;
        using (var find = connection.Command(transaction, """
            SELECT id, state, block_hash FROM transactions WHERE hash = @hash AND action_id = @action;
            """).WithBytes("hash", mined.TransactionHash.ToArray()).WithInt64("action", action.Value))
        using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return ConfirmationOutcome.UnknownTransaction;
            }

            txId = reader.GetInt64(0);
            state = reader.GetString(1);
            txBlock = reader.GetBytesOrNull(2);
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

        var blockNumber = PostgresValues.ToInt64(mined.BlockNumber);
        using (var mark = connection.Command(transaction, """
            UPDATE transactions SET state = 'replaced' WHERE action_id = @action AND state = 'live' AND id <> @id;
            UPDATE transactions SET state = @state, block_number = @number, block_hash = @block WHERE id = @id;
            """)
            .WithInt64("action", action.Value).WithInt64("id", txId).WithText("state", reverted ? "reverted" : "mined")
            .WithInt64("number", blockNumber).WithBytes("block", blockHash))
        {
            await mark.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!reverted)
        {
            using var confirm = connection.Command(transaction, """
                UPDATE chain_actions SET mined_tx = @tx, mined_block_number = @number, mined_block_hash = @block, mined_at = @at
                WHERE id = @action;
                """)
                .WithBytes("tx", mined.TransactionHash.ToArray()).WithInt64("number", blockNumber).WithBytes("block", blockHash)
                .WithTime("at", mined.BlockTime).WithInt64("action", action.Value);
            await confirm.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ConfirmationOutcome.Marked;
    }
}
