using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Api.Operations;

/// <summary>Counts the notices not yet anchored, per authority, from the anchoring store's outbox.</summary>
/// <remarks>
/// A pending notice is in no batch yet (the backlog) or in a batch whose anchor is not mined (ready, in flight, or
/// un-mined by a reorg). The store answers with two grouped queries over indexed rows
/// (<see cref="IAnchoringStore.CountPendingNoticesAsync"/>), so a scrape costs the same however long the history.
/// </remarks>
internal sealed class PendingNotices(IServiceProvider services)
{
    /// <summary>Pending notices per authority: waiting for a batch, and in batches not yet mined.</summary>
    public async Task<IReadOnlyDictionary<AuthorityId, PendingCount>> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await services.GetRequiredService<IAnchoringStore>().CountPendingNoticesAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(count => count.Authority, count => new PendingCount(count.Unbatched, count.InBatches));
    }
}

/// <summary>An authority's pending notices.</summary>
/// <param name="Unbatched">Waiting for a batch.</param>
/// <param name="InBatches">In batches that are not mined yet.</param>
internal readonly record struct PendingCount(long Unbatched, long InBatches)
{
    /// <summary>All of them.</summary>
    public long Total => Unbatched + InBatches;
}
