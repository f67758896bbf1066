namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>The right of one anchoring worker to do an authority's anchoring work until the lease expires
/// (<see cref="IAnchoringStore.AcquireLeasesAsync"/>, decision 0016).</summary>
/// <param name="Authority">The authority whose batches, transactions and nonces the holder works on.</param>
/// <param name="Holder">The worker holding it.</param>
/// <param name="AcquiredAt">When this holder took the lease (renewals keep it); the database's clock.</param>
/// <param name="ExpiresAt">When the lease ends unless renewed before; the database's clock.</param>
/// <remarks>
/// Both times are the database's: a worker must not compare them with its own clock, which may be skewed. It
/// measures its own deadline instead, from before it asked for the lease (see the decision).
/// </remarks>
public sealed record AnchoringLease(AuthorityId Authority, LeaseHolderId Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
