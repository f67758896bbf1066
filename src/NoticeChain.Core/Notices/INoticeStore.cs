using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices;

/// <summary>The store as the issuing API uses it: accept notices durably, read them back, request revocations.</summary>
/// <remarks>
/// <para>
/// Every operation is scoped to one authority, the one the caller's token is bound to: another authority's
/// notice is "not found", indistinguishable from one that does not exist, so ids reveal nothing across
/// authorities.
/// </para>
/// <para>
/// Accepting is durable and idempotent. When an accept call returns, the notices are committed to disk (the API
/// may answer 2xx); the same digest from the same authority maps to the same notice forever; and a submission
/// either stores all its notices or none. Accepted notices are the anchoring worker's outbox
/// (<see cref="Anchoring.IAnchoringStore"/>): there is no separate queue to lose them in between.
/// </para>
/// </remarks>
public interface INoticeStore
{
    /// <summary>The most notices one submission may hold.</summary>
    const int MaxNoticesPerSubmission = 10_000;

    /// <summary>Accepts one notice.</summary>
    /// <param name="authority">The submitting authority.</param>
    /// <param name="notice">The notice.</param>
    /// <param name="idempotencyKey">The request's <c>Idempotency-Key</c>, if it had one.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is stored if it is cancelled before commit.</param>
    /// <returns>
    /// <see cref="AcceptOutcome.Accepted"/> with the notice (<see cref="AcceptedNotice.Created"/> false when the
    /// authority had submitted the digest before), <see cref="AcceptOutcome.Replayed"/>, or a failure that stored
    /// nothing.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="notice"/> is null.</exception>
    Task<AcceptResult> AcceptAsync(
        AuthorityId authority,
        NewNotice notice,
        IdempotencyKey? idempotencyKey = null,
        CancellationToken cancellationToken = default);

    /// <summary>Accepts 1 to <see cref="MaxNoticesPerSubmission"/> notices in one transaction: all or none.</summary>
    /// <remarks>
    /// Notices are stored, and later batched, in the order given. A digest that appears twice maps to one notice
    /// (the second entry reports <see cref="AcceptedNotice.Created"/> false).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="notices"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The list is empty or longer than <see cref="MaxNoticesPerSubmission"/>.</exception>
    Task<AcceptResult> AcceptManyAsync(
        AuthorityId authority,
        IReadOnlyList<NewNotice> notices,
        IdempotencyKey? idempotencyKey = null,
        CancellationToken cancellationToken = default);

    /// <summary>The authority's notice with this id, or null (also for another authority's notice).</summary>
    Task<Notice?> GetAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default);

    /// <summary>The receipt of the authority's notice, or null when there is no such notice or it is not anchored
    /// (pending, or taken back to pending by a reorg).</summary>
    /// <remarks>
    /// Built from stored data: the batch's leaves give the audit path (RFC 9162), the mined transaction gives the
    /// chain half. A revoked or superseded notice still has its receipt; the chain says what became of it.
    /// </remarks>
    Task<Receipt?> GetReceiptAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default);

    /// <summary>Records the authority's request to revoke one of its notices, for the anchoring worker.</summary>
    /// <remarks>
    /// The worker sends the registry's <c>revoke</c> once the notice is anchored. A notice has at most one
    /// request: repeating it is harmless, a different one is a conflict.
    /// </remarks>
    /// <param name="authority">The requesting authority.</param>
    /// <param name="id">The notice.</param>
    /// <param name="reason">Why.</param>
    /// <param name="effectiveAt">When it takes legal effect; stored in whole seconds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException">The reason is not defined, or <paramref name="effectiveAt"/>
    /// is outside <see cref="EffectiveDate.Min"/>..<see cref="EffectiveDate.Max"/>.</exception>
    Task<RevocationRequestResult> RequestRevocationAsync(
        AuthorityId authority,
        NoticeId id,
        RevocationReason reason,
        DateTimeOffset effectiveAt,
        CancellationToken cancellationToken = default);
}
