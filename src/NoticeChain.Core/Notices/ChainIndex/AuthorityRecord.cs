using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>An authority as the registry's events describe it, folded in chain order.</summary>
/// <param name="Id">The authority's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="CurrentKey">The key that may anchor now; after retirement, the last key it had.</param>
/// <param name="Keys">Every key it ever had, oldest first: roots anchored with any of them stay attributed to it.</param>
/// <param name="RegisteredAt">Block time of the registration.</param>
/// <param name="RetiredAt">Block time of the retirement, or null while active.</param>
public sealed record AuthorityRecord(
    AuthorityId Id,
    string Name,
    ChainAddress CurrentKey,
    IReadOnlyList<ChainAddress> Keys,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RetiredAt);
