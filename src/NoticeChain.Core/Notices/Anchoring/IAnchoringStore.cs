using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>The store as the anchoring worker uses it: the outbox of pending notices, batches, revocations and
/// supersessions, their transactions, and the nonces of the authorities' keys.</summary>
/// <remarks>
/// <para>
/// The worker's loop, and the method for each step:
/// close batches from the backlog (<see cref="ListPendingBacklogsAsync"/>, <see cref="CreateBatchAsync"/>);
/// for each ready action (<see cref="ListReadyActionsAsync"/>) sign a transaction with the sender's next nonce
/// (<see cref="GetNextNonceAsync"/>) and persist it <b>before</b> broadcasting it
/// (<see cref="RecordTransactionAsync"/>); watch what is in flight (<see cref="ListInFlightAsync"/>), replace a
/// stuck transaction with a higher fee (<see cref="ReplaceTransactionAsync"/>), and record the outcome
/// (<see cref="MarkMinedAsync"/>, <see cref="MarkRevertedAsync"/>, <see cref="AbandonTransactionAsync"/>); re-check
/// recent blocks (<see cref="ListMinedAsync"/>) and un-mine what a reorg dropped (<see cref="UnmineAsync"/>).
/// </para>
/// <para>
/// Nonces: the store keeps each sender's next nonce, and a nonce is consumed only together with the signed
/// transaction that uses it, in one database transaction. A crash can therefore never leave a reserved nonce
/// without a transaction (a gap the chain would wait on forever). At start the worker reconciles with the node:
/// <see cref="RaiseNextNonceAsync"/> to the node's pending count, then rebroadcasts everything in flight, which
/// fills any nonce the node has not seen.
/// </para>
/// <para>Every state change is idempotent: repeating a call with the same arguments after a crash changes nothing
/// and reports so.</para>
/// </remarks>
public interface IAnchoringStore
{
    /// <summary>Authorities with notices in no batch yet, with their count and oldest acceptance time.</summary>
    Task<IReadOnlyList<PendingBacklog>> ListPendingBacklogsAsync(CancellationToken cancellationToken = default);

    /// <summary>Per authority, the notices not anchored yet: in no batch, or in a batch whose anchor is not mined.</summary>
    /// <remarks>Two grouped queries over indexed rows (the unbatched notices, the unmined actions with their tree
    /// sizes): cheap enough for a metrics scrape however long the history. Authorities with nothing pending are absent.</remarks>
    Task<IReadOnlyList<PendingNoticeCount>> CountPendingNoticesAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts up to <paramref name="maxSize"/> of the authority's oldest pending notices into a new batch,
    /// atomically: leaf <c>i</c> is the <c>i</c>-th oldest (acceptance order), the tree's root and size are stored.</summary>
    /// <remarks>The notices stay <see cref="NoticeStatus.Pending"/> until the batch is mined.</remarks>
    /// <returns>The batch, or null when the authority has no pending notice outside a batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> is less than 1.</exception>
    Task<AnchorAction?> CreateBatchAsync(AuthorityId authority, int maxSize, CancellationToken cancellationToken = default);

    /// <summary>The action, or null when there is no such action or it cannot be described yet: a revocation or
    /// supersession whose notices are not all in batches has no inclusion proof.</summary>
    Task<ChainAction?> GetActionAsync(ChainActionId action, CancellationToken cancellationToken = default);

    /// <summary>Actions that need a transaction, oldest first: batches; revocations whose notice is anchored;
    /// supersessions whose two notices are anchored. None has a live transaction or is mined.</summary>
    /// <param name="authority">Only this authority's actions, or all when null.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    Task<IReadOnlyList<ChainAction>> ListReadyActionsAsync(
        AuthorityId? authority,
        int limit,
        CancellationToken cancellationToken = default);

    /// <summary>Persists the signed transaction for a ready action and consumes its nonce, atomically; only then may
    /// the worker broadcast it.</summary>
    /// <remarks>The nonce must be the sender's next nonce; otherwise nothing is recorded and the answer carries the
    /// next nonce to sign with.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="transaction"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A transaction with this hash is recorded for another action.</exception>
    Task<TransactionRecordResult> RecordTransactionAsync(
        ChainActionId action,
        OutgoingTransaction transaction,
        CancellationToken cancellationToken = default);

    /// <summary>Every live transaction, ordered by sender and nonce: rebroadcast them in this order after a restart.</summary>
    Task<IReadOnlyList<InFlightTransaction>> ListInFlightAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces an action's live transaction by a version with the same sender and nonce (a higher fee),
    /// keeping the old one in its history.</summary>
    /// <param name="action">The action.</param>
    /// <param name="current">The hash of the live transaction being replaced.</param>
    /// <param name="replacement">The new signed version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="replacement"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A transaction with the replacement's hash is recorded elsewhere.</exception>
    Task<TransactionReplaceOutcome> ReplaceTransactionAsync(
        ChainActionId action,
        ChainHash current,
        OutgoingTransaction replacement,
        CancellationToken cancellationToken = default);

    /// <summary>Records that one of the action's transactions (any version) was mined and succeeded. For a batch, its
    /// notices become <see cref="NoticeStatus.Anchored"/> and get receipts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="mined"/> is null.</exception>
    Task<ConfirmationOutcome> MarkMinedAsync(
        ChainActionId action,
        MinedTransaction mined,
        CancellationToken cancellationToken = default);

    /// <summary>Records that one of the action's transactions was mined but reverted: its nonce is spent, and the action
    /// is ready for a new transaction.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="mined"/> is null.</exception>
    Task<ConfirmationOutcome> MarkRevertedAsync(
        ChainActionId action,
        MinedTransaction mined,
        CancellationToken cancellationToken = default);

    /// <summary>Gives up the action's live transaction (its nonce was taken by another transaction, so it can never be
    /// mined); the action is ready for a new one.</summary>
    /// <returns>True when <paramref name="current"/> was the live transaction and is now abandoned.</returns>
    Task<bool> AbandonTransactionAsync(ChainActionId action, ChainHash current, CancellationToken cancellationToken = default);

    /// <summary>Takes a mined action back to in flight after a reorg dropped its block: same transaction, same bytes,
    /// same tree. A batch's notices become pending again.</summary>
    /// <returns>True when the action was mined and now is in flight.</returns>
    Task<bool> UnmineAsync(ChainActionId action, CancellationToken cancellationToken = default);

    /// <summary>Actions mined in block <paramref name="fromBlockNumber"/> or later, by block: what a reorg could still
    /// undo.</summary>
    Task<IReadOnlyList<MinedAction>> ListMinedAsync(ulong fromBlockNumber, CancellationToken cancellationToken = default);

    /// <summary>The next nonce of <paramref name="sender"/>: 0 for a sender never seen.</summary>
    Task<ulong> GetNextNonceAsync(ChainAddress sender, CancellationToken cancellationToken = default);

    /// <summary>Raises the sender's next nonce to at least <paramref name="atLeast"/>, never lowering it, and returns it.</summary>
    /// <remarks>At start, with the node's pending transaction count: a nonce used outside NoticeChain is skipped.</remarks>
    Task<ulong> RaiseNextNonceAsync(ChainAddress sender, ulong atLeast, CancellationToken cancellationToken = default);

    /// <summary>Acquires, or renews, the anchoring leases of <paramref name="authorities"/> for <paramref name="holder"/>,
    /// atomically per authority, and returns the leases the holder now has among them.</summary>
    /// <remarks>
    /// <para>
    /// A lease is granted when the authority has none, when its lease expired, or when <paramref name="holder"/>
    /// holds it already (a renewal: the expiry moves to <paramref name="duration"/> from now, the acquisition time
    /// stays). An authority whose unexpired lease another holder has is left out of the answer. Expiry is decided by
    /// the database's clock (PostgreSQL's <c>now()</c>; SQLite, which only processes of one machine share, the
    /// store's <see cref="TimeProvider"/>), so the workers' own clocks never have to agree (decision 0016).
    /// </para>
    /// <para>
    /// The lease decides which worker does an authority's anchoring work; it is not what keeps the data correct.
    /// Every write the work does is checked by the store on its own (one live transaction per action, a nonce
    /// consumed once), so a holder that lost its lease without noticing can waste a request, never anchor twice.
    /// </para>
    /// </remarks>
    /// <param name="holder">The worker asking.</param>
    /// <param name="authorities">The authorities it wants to work on (duplicates are ignored); may be empty.</param>
    /// <param name="duration">How long a lease lasts without renewal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authorities"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is shorter than a millisecond.</exception>
    Task<IReadOnlyList<AnchoringLease>> AcquireLeasesAsync(
        LeaseHolderId holder,
        IReadOnlyCollection<AuthorityId> authorities,
        TimeSpan duration,
        CancellationToken cancellationToken = default);

    /// <summary>Gives up every lease <paramref name="holder"/> has, so another worker can take them at once instead of
    /// waiting for them to expire; returns how many were released.</summary>
    /// <remarks>For a graceful stop, after the worker's last pass ended.</remarks>
    Task<int> ReleaseLeasesAsync(LeaseHolderId holder, CancellationToken cancellationToken = default);

    /// <summary>Every unexpired lease, by authority: which worker anchors for whom right now.</summary>
    Task<IReadOnlyList<AnchoringLease>> ListLeasesAsync(CancellationToken cancellationToken = default);
}
