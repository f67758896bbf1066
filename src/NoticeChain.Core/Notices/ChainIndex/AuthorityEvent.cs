using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>One governance event about an authority, as the chain follower read it.</summary>
/// <param name="Kind">Which event.</param>
/// <param name="Authority">The authority (<c>issuerId</c>).</param>
/// <param name="Key">Registered: the first key; key rotated: the new key; retired: the last key.</param>
/// <param name="Name">The display name for <see cref="AuthorityEventKind.Registered"/>; null otherwise.</param>
/// <param name="BlockTime">The block time, which the events themselves do not carry.</param>
/// <param name="Position">Where the event was found; with the log index the key of the fact.</param>
public sealed record AuthorityEvent(
    AuthorityEventKind Kind,
    AuthorityId Authority,
    ChainAddress Key,
    string? Name,
    DateTimeOffset BlockTime,
    ChainEventPosition Position);
