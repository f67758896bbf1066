namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>An authority's notices that wait for a batch: how many, and since when.</summary>
/// <param name="Authority">The authority.</param>
/// <param name="Count">How many of its notices are in no batch yet.</param>
/// <param name="OldestAcceptedAt">When the oldest of them was accepted; the worker closes a batch when this is older
/// than its window or <paramref name="Count"/> reaches its size.</param>
public sealed record PendingBacklog(AuthorityId Authority, int Count, DateTimeOffset OldestAcceptedAt);
