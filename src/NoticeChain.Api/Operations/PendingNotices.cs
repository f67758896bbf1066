using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Api.Operations;

/// <summary>Counts the notices not yet anchored, per authority, from the anchoring store's outbox.</summary>
/// <remarks>
/// A pending notice is in one of three places: in no batch yet (the backlog), in a closed batch without a live
/// transaction (ready), or in a batch whose transaction is broadcast and not yet mined (in flight). Only the store's
/// existing read methods are used, so the count is the same whichever store provider runs.
/// </remarks>
internal sealed class PendingNotices(IServiceProvider services)
{
    /// <summary>More ready batches than this are not counted (a backlog that large is visible anyway).</summary>
    private const int MaxReadyActions = 10_000;

    /// <summary>Pending notices per authority: waiting for a batch, and in batches not yet mined.</summary>
    public async Task<IReadOnlyDictionary<AuthorityId, PendingCount>> CountAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IAnchoringStore>();
        var counts = new Dictionary<AuthorityId, PendingCount>();
        foreach (var backlog in await store.ListPendingBacklogsAsync(cancellationToken).ConfigureAwait(false))
        {
            Add(counts, backlog.Authority, backlog.Count, 0);
        }

        foreach (var batch in (await store.ListReadyActionsAsync(null, MaxReadyActions, cancellationToken).ConfigureAwait(false)).OfType<AnchorAction>())
        {
            Add(counts, batch.Authority, 0, batch.Notices.Count);
        }

        foreach (var transaction in await store.ListInFlightAsync(cancellationToken).ConfigureAwait(false))
        {
            if (transaction.Kind == ChainActionKind.Anchor
                && await store.GetActionAsync(transaction.Action, cancellationToken).ConfigureAwait(false) is AnchorAction batch)
            {
                Add(counts, batch.Authority, 0, batch.Notices.Count);
            }
        }

        return counts;
    }

    private static void Add(Dictionary<AuthorityId, PendingCount> counts, AuthorityId authority, int unbatched, int inBatches)
    {
        var current = counts.GetValueOrDefault(authority);
        counts[authority] = new PendingCount(current.Unbatched + unbatched, current.InBatches + inBatches);
    }
}

/// <summary>An authority's pending notices.</summary>
/// <param name="Unbatched">Waiting for a batch.</param>
/// <param name="InBatches">In batches that are not mined yet.</param>
internal readonly record struct PendingCount(int Unbatched, int InBatches)
{
    /// <summary>All of them.</summary>
    public int Total => Unbatched + InBatches;
}
