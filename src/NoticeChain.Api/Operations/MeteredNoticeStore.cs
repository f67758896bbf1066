using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Api.Operations;

/// <summary>The issuing API's store with <c>noticechain_notices_accepted_total</c> counted on the way: every notice a
/// submission newly stored, per authority.</summary>
/// <remarks>A replayed request or a digest the authority had submitted before stores nothing new and counts nothing.</remarks>
internal sealed class MeteredNoticeStore(INoticeStore inner, NoticeMetrics metrics) : INoticeStore
{
    public async Task<AcceptResult> AcceptAsync(AuthorityId authority, NewNotice notice, IdempotencyKey? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Count(authority, await inner.AcceptAsync(authority, notice, idempotencyKey, cancellationToken).ConfigureAwait(false));

    public async Task<AcceptResult> AcceptManyAsync(AuthorityId authority, IReadOnlyList<NewNotice> notices, IdempotencyKey? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Count(authority, await inner.AcceptManyAsync(authority, notices, idempotencyKey, cancellationToken).ConfigureAwait(false));

    public Task<Notice?> GetAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(authority, id, cancellationToken);

    public Task<Receipt?> GetReceiptAsync(AuthorityId authority, NoticeId id, CancellationToken cancellationToken = default) =>
        inner.GetReceiptAsync(authority, id, cancellationToken);

    public Task<RevocationRequestResult> RequestRevocationAsync(AuthorityId authority, NoticeId id, RevocationReason reason, DateTimeOffset effectiveAt, CancellationToken cancellationToken = default) =>
        inner.RequestRevocationAsync(authority, id, reason, effectiveAt, cancellationToken);

    private AcceptResult Count(AuthorityId authority, AcceptResult result)
    {
        if (result.Outcome == AcceptOutcome.Accepted)
        {
            var created = result.Notices.Count(n => n.Created);
            if (created > 0)
            {
                metrics.Accepted(authority, created);
            }
        }

        return result;
    }
}
