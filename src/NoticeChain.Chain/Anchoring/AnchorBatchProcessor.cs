using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Chain.Anchoring;

/// <summary>The anchoring worker's logic: one call of <see cref="RunOnceAsync"/> is one pass over the store's
/// outbox, batches and transactions against one node (decision 0011).</summary>
/// <remarks>
/// <para>
/// A pass, in order: close batches whose window elapsed or that are full (store only, so it happens even while the
/// node is down); on the first pass, reconcile with the node (<see cref="ReconcileAsync"/>); re-check recent mined
/// actions for reorgs; watch what is in flight (record receipts, rebroadcast the identical bytes, replace what is
/// stuck); sign, record and broadcast a transaction for each ready action. Reorgs come before the in-flight step so
/// that an un-mined action is rebroadcast in the same pass; in-flight before sending so that a mined batch frees
/// its revocations, and an abandoned nonce is corrected, before anything new is signed.
/// </para>
/// <para>
/// Every transaction is persisted with its nonce before it is broadcast, so a crash at any point leaves either
/// nothing or a recorded transaction that the next pass broadcasts again byte for byte: never a lost notice,
/// never a second anchor, never a nonce gap. A node that cannot be reached (<see cref="EthRpcTransportException"/>,
/// <see cref="EthRpcTimeoutException"/>, a gateway's error) ends the pass early with
/// <see cref="AnchoringPassResult.Interruption"/> set; the next pass retries from the store. Everything else
/// (a store failure, a bug) propagates, because retrying it would only hide it.
/// </para>
/// <para>
/// One pass at a time per instance. Several workers (API processes) may share a database: each pass first takes or
/// renews the store's anchoring lease of every authority in the keyring (<see cref="IAnchoringStore.AcquireLeasesAsync"/>),
/// and works only on the authorities it holds, so exactly one worker anchors for an authority at a time, and one
/// that dies is replaced once its leases expire (decision 0016). A newly taken authority is reconciled before
/// anything is sent for it. The store's atomic nonce and transaction bookkeeping stays the safety net: a worker
/// that lost a lease without noticing can waste a request, never anchor twice. The hosted service that loops on
/// a timer is a thin wrapper in the API host.
/// </para>
/// </remarks>
public sealed partial class AnchorBatchProcessor
{
    private readonly IAnchoringStore _store;
    private readonly EthRpcClient _rpc;
    private readonly IAuthorityKeyring _keyring;
    private readonly AnchoringOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<AnchoringEvent>? _observer;
    private readonly ChainAddress _registry;
    private ulong? _chainId;
    private int _running;
    private bool _reconciledOnce;

    /// <summary>Creates a processor.</summary>
    /// <param name="store">The outbox, batches, transactions and nonces.</param>
    /// <param name="rpc">The node to anchor through.</param>
    /// <param name="keyring">The authorities' signing keys.</param>
    /// <param name="options">Batching, pricing and re-checking policy.</param>
    /// <param name="timeProvider">The clock for batch windows and stuck transactions; <see cref="TimeProvider.System"/> when null.
    /// Use the store's clock: both compare the times the store records.</param>
    /// <param name="observer">Receives an <see cref="AnchoringEvent"/> for everything the processor does or meets; may be null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public AnchorBatchProcessor(
        IAnchoringStore store,
        EthRpcClient rpc,
        IAuthorityKeyring keyring,
        AnchoringOptions options,
        TimeProvider? timeProvider = null,
        Action<AnchoringEvent>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _rpc = rpc;
        _keyring = keyring;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _observer = observer;
        _registry = DomainValues.ToChainAddress(options.Registry);
        Holder = options.Holder ?? LeaseHolderId.NewRandom();
    }

    /// <summary>True once a reconciliation (by <see cref="ReconcileAsync"/> or a pass) has completed and every authority
    /// whose lease this worker holds has been reconciled since it took the lease.</summary>
    public bool IsReconciled => _reconciledOnce && _held.All(_reconciled.Contains);

    /// <summary>Runs one pass: take or renew the leases, close batches, reconcile newly held authorities, check reorgs,
    /// watch in-flight transactions, send ready actions; all only for the authorities whose lease it holds.</summary>
    /// <remarks>A node failure is not thrown: it ends the pass early and is reported in the result.</remarks>
    /// <exception cref="InvalidOperationException">Another pass of this instance is running.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AnchoringPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var exclusive = Enter();
        var pass = new Pass();
        await RenewLeasesAsync(force: true, cancellationToken).ConfigureAwait(false);
        await CloseBatchesAsync(pass, cancellationToken).ConfigureAwait(false);
        await AgainstNodeAsync(pass, async () =>
        {
            await ReconcileCoreAsync(pass, cancellationToken).ConfigureAwait(false);
            await CheckReorgsAsync(pass, cancellationToken).ConfigureAwait(false);
            await WatchInFlightAsync(pass, cancellationToken).ConfigureAwait(false);

            // A pass that took long (a slow node, a big backlog) renews before signing anything new; a lease this
            // renewal takes over is reconciled before anything is signed for it (nonce from the node, the previous
            // holder's recorded transactions rebroadcast).
            await RenewLeasesAsync(force: false, cancellationToken).ConfigureAwait(false);
            await ReconcileCoreAsync(pass, cancellationToken).ConfigureAwait(false);
            await SendReadyActionsAsync(pass, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return pass.Result;
    }

    /// <summary>Reconciliation of the authorities whose lease this worker holds (taking the leases first): raises each
    /// one's key's next nonce in the store to the node's pending count, then broadcasts its in-flight transactions
    /// again, byte for byte, in nonce order.</summary>
    /// <remarks>
    /// Raising skips nonces used outside NoticeChain (never lowering the store's count); rebroadcasting fills every
    /// nonce the node has not seen, such as a transaction recorded just before a crash and never sent. The first
    /// <see cref="RunOnceAsync"/> calls this itself until it succeeds once; a host may call it before the loop to
    /// fail fast.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A pass of this instance is running.</exception>
    public async Task<AnchoringPassResult> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        using var exclusive = Enter();
        var pass = new Pass();
        await RenewLeasesAsync(force: true, cancellationToken).ConfigureAwait(false);
        await AgainstNodeAsync(pass, () => ReconcileCoreAsync(pass, cancellationToken)).ConfigureAwait(false);
        return pass.Result;
    }

    /// <summary>Reconciles every held authority not reconciled since its lease was taken: at start, and after a
    /// takeover, when the previous holder may have died between recording and broadcasting.</summary>
    private async Task ReconcileCoreAsync(Pass pass, CancellationToken cancellationToken)
    {
        var due = _held.Where(authority => !_reconciled.Contains(authority)).ToHashSet();
        foreach (var authority in due)
        {
            if (_keyring.FindKey(authority) is not { } key)
            {
                continue;
            }

            var pending = await _rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending, cancellationToken).ConfigureAwait(false);
            await _store.RaiseNextNonceAsync(DomainValues.ToChainAddress(key.Address), pending, cancellationToken).ConfigureAwait(false);
        }

        if (due.Count > 0)
        {
            foreach (var inFlight in await _store.ListInFlightAsync(cancellationToken).ConfigureAwait(false))
            {
                if (due.Contains(inFlight.Authority))
                {
                    await RebroadcastAsync(pass, inFlight, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        _reconciled.UnionWith(due);
        _reconciledOnce = true;
    }

    /// <summary>Runs the node-facing part of a pass, ending it early on a transient node failure.</summary>
    private async Task AgainstNodeAsync(Pass pass, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception error) when (NodeErrors.IsTransient(error))
        {
            pass.Result.Interruption = error;
            Report(AnchoringEventKind.NodeUnavailable, detail: error.Message, exception: error);
        }
    }

    private async Task<ulong> ChainIdAsync(CancellationToken cancellationToken) =>
        _chainId ??= await _rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The fees a new transaction offers now, asked once per pass, with <see cref="TransactionSender"/>'s policy.</summary>
    private async Task<TransactionFees> MarketFeesAsync(Pass pass, PrivateKey key, CancellationToken cancellationToken)
    {
        if (pass.MarketFees is { } known)
        {
            return known;
        }

        // The sender only prices here; it never sends, because it would take its nonce from the node, not the store.
        using var pricing = new TransactionSender(_rpc, key, await ChainIdAsync(cancellationToken).ConfigureAwait(false), _options.Transactions);
        return pass.MarketFees = await pricing.EstimateFeesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs <paramref name="transaction"/> and describes it as the store records it.</summary>
    private OutgoingTransaction Sign(Transaction transaction, PrivateKey key)
    {
        var signed = transaction.Sign(key);
        return new OutgoingTransaction(
            DomainValues.ToChainAddress(key.Address),
            transaction.Nonce,
            new ChainHash(signed.Hash),
            signed.ToArray(),
            transaction.ChainId,
            _registry);
    }

    private void Report(
        AnchoringEventKind kind,
        ChainActionId? action = null,
        AuthorityId? authority = null,
        ChainHash? transaction = null,
        string? detail = null,
        Exception? exception = null) =>
        _observer?.Invoke(new AnchoringEvent(kind, action, authority, transaction, detail, exception));

    private Exclusive Enter() =>
        Interlocked.Exchange(ref _running, 1) == 0
            ? new Exclusive(this)
            : throw new InvalidOperationException("A pass of this processor is already running; run one at a time.");

    /// <summary>Releases the one-pass-at-a-time guard.</summary>
    private readonly struct Exclusive(AnchorBatchProcessor owner) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref owner._running, 0);
    }

    /// <summary>The state of one pass: its result, what it broadcast already, and the fees it was quoted.</summary>
    private sealed class Pass
    {
        public AnchoringPassResult Result { get; } = new();

        public HashSet<ChainHash> Broadcast { get; } = [];

        public TransactionFees? MarketFees { get; set; }
    }
}
