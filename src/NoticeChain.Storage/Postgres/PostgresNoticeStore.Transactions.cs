using Npgsql;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Postgres;

/// <summary>The anchoring worker's side, part 2: the transactions of chain actions, their outcomes, and nonces.</summary>
/// <remarks>
/// Every change to an action's transactions first locks the action's row (<c>FOR NO KEY UPDATE</c>), so two workers
/// cannot both give one action a live transaction or confirm it twice; a change to a sender's nonce holds the
/// sender's advisory lock, taken after the action's row (never the other way round, so the two cannot deadlock).
/// </remarks>
public sealed partial class PostgresNoticeStore
{
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
        using var dbTransaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var mined = await LockActionAsync(connection, dbTransaction, action.Value, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.SenderAsync(connection, dbTransaction, sender, cancellationToken).ConfigureAwait(false);
        var next = await ReadNextNonceAsync(connection, dbTransaction, sender, cancellationToken).ConfigureAwait(false);
        if (mined is null)
        {
            return new TransactionRecordResult(TransactionRecordOutcome.ActionNotFound, next);
        }

        var owner = await FindTransactionOwnerAsync(connection, dbTransaction, transaction.Hash, cancellationToken).ConfigureAwait(false);
        if (owner is { } ownerAction)
        {
            return ownerAction == action.Value
                ? new TransactionRecordResult(TransactionRecordOutcome.AlreadyRecorded, next)
                : throw new InvalidOperationException($"Transaction {transaction.Hash} is recorded for action {ownerAction}.");
        }

        if (mined.Value || await LiveTransactionAsync(connection, dbTransaction, action.Value, cancellationToken).ConfigureAwait(false) is not null)
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
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);

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

                hashes.Add(reader.GetChainHash(1));
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
                    PostgresValues.Kind(reader.GetString(1)),
                    reader.GetAuthority(2),
                    new OutgoingTransaction(
                        reader.GetAddress(3),
                        reader.GetUInt64(4),
                        reader.GetChainHash(5),
                        reader.GetBytes(6),
                        reader.GetUInt64(7),
                        reader.GetAddress(8)),
                    reader.GetTime(9),
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
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockActionAsync(connection, transaction, action.Value, cancellationToken).ConfigureAwait(false);

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

        using (var retire = connection.Command(transaction, "UPDATE transactions SET state = 'replaced' WHERE id = @id;")
            .WithInt64("id", live.Id))
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
    /// <remarks>One statement: it waits for a concurrent confirmation of the same transaction and then re-checks that
    /// the transaction is still live.</remarks>
    public async Task<bool> AbandonTransactionAsync(ChainActionId action, ChainHash current, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            UPDATE transactions SET state = 'abandoned' WHERE action_id = @action AND hash = @hash AND state = 'live';
            """).WithInt64("action", action.Value).WithBytes("hash", current.ToArray());
        return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UnmineAsync(ChainActionId action, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockActionAsync(connection, transaction, action.Value, cancellationToken).ConfigureAwait(false);
        using (var revive = connection.Command(transaction, """
            UPDATE transactions SET state = 'live', block_number = NULL, block_hash = NULL
            WHERE hash = (SELECT mined_tx FROM chain_actions WHERE id = @action) AND state = 'mined';
            """).WithInt64("action", action.Value))
        {
            if (await revive.ExecuteAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        using (var clear = connection.Command(transaction, """
            UPDATE chain_actions SET mined_tx = NULL, mined_block_number = NULL, mined_block_hash = NULL, mined_at = NULL
            WHERE id = @action;
            """).WithInt64("action", action.Value))
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
            WHERE mined_tx IS NOT NULL AND mined_block_number >= @from ORDER BY mined_block_number, id;
            """).WithInt64("from", PostgresValues.ToInt64(fromBlockNumber));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var mined = new List<MinedAction>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            mined.Add(new MinedAction(
                new ChainActionId(reader.GetInt64(0)),
                PostgresValues.Kind(reader.GetString(1)),
                reader.GetAuthority(2),
                new MinedTransaction(reader.GetChainHash(3), reader.GetUInt64(4), reader.GetChainHash(5), reader.GetTime(6))));
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
    /// <remarks>Under the sender's advisory lock, so it never lands between another process's nonce check and its insert.</remarks>
    public async Task<ulong> RaiseNextNonceAsync(ChainAddress sender, ulong atLeast, CancellationToken cancellationToken = default)
    {
        var senderBytes = sender.ToArray();
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.SenderAsync(connection, transaction, senderBytes, cancellationToken).ConfigureAwait(false);
        var raised = await RaiseNonceAsync(connection, transaction, senderBytes, atLeast, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return raised;
    }

    private static void CheckTransaction(OutgoingTransaction transaction, string parameterName)
    {
        if (transaction.RawTransaction.IsEmpty || transaction.ChainId == 0 || transaction.Hash.IsZero
            || transaction.Sender.IsZero || transaction.To.IsZero)
        {
            throw new ArgumentException("A transaction needs raw bytes, a hash, a sender, a recipient and a chain id.", parameterName);
        }
    }

    /// <summary>Locks the action's row until the transaction ends; whether it is mined, or null when there is no such action.</summary>
    private static async Task<bool?> LockActionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long actionId,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, "SELECT mined_tx IS NOT NULL FROM chain_actions WHERE id = @action FOR NO KEY UPDATE;")
            .WithInt64("action", actionId);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is bool mined ? mined : null;
    }

    private async Task InsertTransactionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long actionId,
        OutgoingTransaction outgoing,
        CancellationToken cancellationToken)
    {
        using var insert = connection.Command(transaction, """
            INSERT INTO transactions (action_id, hash, sender, nonce, chain_id, recipient, raw, state, sent_at)
            VALUES (@action, @hash, @sender, @nonce, @chain_id, @recipient, @raw, 'live', @sent_at);
            """)
            .WithInt64("action", actionId).WithBytes("hash", outgoing.Hash.ToArray()).WithBytes("sender", outgoing.Sender.ToArray())
            .WithInt64("nonce", PostgresValues.ToInt64(outgoing.Nonce)).WithInt64("chain_id", PostgresValues.ToInt64(outgoing.ChainId))
            .WithBytes("recipient", outgoing.To.ToArray()).WithBytes("raw", outgoing.RawTransaction.ToArray())
            .WithTime("sent_at", _time.GetUtcNow());
        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long?> FindTransactionOwnerAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ChainHash hash,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, "SELECT action_id FROM transactions WHERE hash = @hash;")
            .WithBytes("hash", hash.ToArray());
        return await find.ScalarInt64Async(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<LiveTransaction?> LiveTransactionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long actionId,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, """
            SELECT id, hash, sender, nonce FROM transactions WHERE action_id = @action AND state = 'live';
            """).WithInt64("action", actionId);
        using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LiveTransaction(reader.GetInt64(0), reader.GetChainHash(1), reader.GetAddress(2), reader.GetUInt64(3))
            : null;
    }

    private static async Task<ulong> ReadNextNonceAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        byte[] sender,
        CancellationToken cancellationToken)
    {
        using var find = connection.Command(transaction, "SELECT next_nonce FROM nonces WHERE sender = @sender;")
            .WithBytes("sender", sender);
        return await find.ScalarInt64Async(cancellationToken).ConfigureAwait(false) is { } next ? PostgresValues.ToUInt64(next) : 0;
    }

    private static async Task<ulong> RaiseNonceAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        byte[] sender,
        ulong atLeast,
        CancellationToken cancellationToken)
    {
        using var raise = connection.Command(transaction, """
            INSERT INTO nonces (sender, next_nonce) VALUES (@sender, @next)
            ON CONFLICT (sender) DO UPDATE SET next_nonce = greatest(nonces.next_nonce, excluded.next_nonce)
            RETURNING next_nonce;
            """).WithBytes("sender", sender).WithInt64("next", PostgresValues.ToInt64(atLeast));
        return PostgresValues.ToUInt64(await raise.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The nonce upsert returned nothing."));
    }

    private sealed record LiveTransaction(long Id, ChainHash Hash, ChainAddress Sender, ulong Nonce);
}
