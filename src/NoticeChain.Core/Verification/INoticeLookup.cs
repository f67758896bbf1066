using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Verification;

/// <summary>The store as the public verify API uses it: find registered notices by digest or id, across all
/// authorities, with the receipt the store can build for them.</summary>
/// <remarks>
/// This is the only cross-authority read. It answers what the service was told (the digest, the salt, the batch);
/// whether that is true is decided by <see cref="NoticeVerifier"/> against the chain's facts
/// (<see cref="Notices.ChainIndex.IChainIndexStore"/>), never by the store alone.
/// </remarks>
public interface INoticeLookup
{
    /// <summary>The most notices <see cref="FindByDigestAsync"/> returns for one digest.</summary>
    const int MaxMatchesPerDigest = 16;

    /// <summary>Every authority's notice with this digest (at most <see cref="MaxMatchesPerDigest"/>), oldest first.</summary>
    Task<IReadOnlyList<RegisteredNotice>> FindByDigestAsync(Digest digest, CancellationToken cancellationToken = default);

    /// <summary>The notice with this id, or null.</summary>
    Task<RegisteredNotice?> FindByIdAsync(NoticeId id, CancellationToken cancellationToken = default);
}

/// <summary>A registered notice as the verify API sees it.</summary>
/// <param name="Id">The notice's id.</param>
/// <param name="Authority">The authority that registered it (a claim until the chain confirms it).</param>
/// <param name="Digest">The document's SHA-256.</param>
/// <param name="AcceptedAt">When the service accepted it.</param>
/// <param name="Receipt">Its receipt, or null while it is not anchored.</param>
public sealed record RegisteredNotice(NoticeId Id, AuthorityId Authority, Digest Digest, DateTimeOffset AcceptedAt, Receipt? Receipt);
