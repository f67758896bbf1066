using Microsoft.Data.Sqlite;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The anchoring worker's side, part 2: the transactions of chain actions and the senders' nonces.</summary>
public sealed partial class SqliteNoticeStore
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
    public async Task<bool> AbandonTransactionAsync(ChainActionId action, ChainHash current, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            UPDATE transactions SET state = 'abandoned' WHERE action_id = $action AND hash = $hash AND state = 'live';
            """).With("$action", action.Value).With("$hash", current.ToArray());
        return await command.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1;
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

    private sealed record LiveTransaction(long Id, ChainHash Hash, ChainAddress Sender, ulong Nonce);
}
