using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Chain.Anchoring;

/// <summary>Something the <see cref="AnchorBatchProcessor"/> did or ran into, for the host to log or count.</summary>
/// <remarks>
/// A plain value handed to a callback rather than a logger, because NoticeChain.Chain has no logging dependency:
/// the host maps each kind to a source-generated log message. Nothing here is personal or secret: ids, hashes,
/// and in <see cref="Detail"/> a node's error message or a custom error's name, never a key or a document.
/// </remarks>
/// <param name="Kind">What happened.</param>
/// <param name="Action">The chain action concerned, if any.</param>
/// <param name="Authority">The authority concerned, if any.</param>
/// <param name="Transaction">The transaction concerned, if any.</param>
/// <param name="Detail">A short explanation: the node's message, the registry's error, a count.</param>
/// <param name="Exception">The exception behind a <see cref="AnchoringEventKind.NodeUnavailable"/> or refusal, if any.</param>
public sealed record AnchoringEvent(
    AnchoringEventKind Kind,
    ChainActionId? Action = null,
    AuthorityId? Authority = null,
    ChainHash? Transaction = null,
    string? Detail = null,
    Exception? Exception = null);
