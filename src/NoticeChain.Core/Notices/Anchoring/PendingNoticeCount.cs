namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>An authority's notices that are accepted but not anchored yet.</summary>
/// <param name="Authority">The authority.</param>
/// <param name="Unbatched">Notices in no batch yet.</param>
/// <param name="InBatches">Notices in batches whose anchor is not mined (ready, in flight, or un-mined by a reorg).</param>
public sealed record PendingNoticeCount(AuthorityId Authority, long Unbatched, long InBatches);
