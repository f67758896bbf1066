using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Core.Verification;

/// <summary>What the chain says about one receipt's root and leaf, gathered by the caller from the registry
/// (the CLI, with <c>eth_call</c>) or from the index of its events (the API).</summary>
/// <param name="CheckedThrough">The chain head the facts were read at (the CLI) or indexed up to (the API).</param>
/// <param name="Anchor">The anchor of the receipt's root, or null if the registry never anchored it.</param>
/// <param name="Authority">The authority that anchored it (the anchor's, not the receipt's claim), or null.</param>
/// <param name="KeyValidAtAnchoring">Whether the anchoring key belonged to that authority and was current when the
/// root was anchored; null when the caller could not tell (then the key must at least be one of the authority's keys).</param>
/// <param name="Revocation">The anchoring authority's revocation of the leaf, or null.</param>
/// <param name="Supersession">The anchoring authority's supersession of the leaf, or null.</param>
/// <param name="SupersedingAnchor">The anchor of the replacement's root when the leaf was superseded, or null.</param>
public sealed record ChainEvidence(
    ChainCursor CheckedThrough,
    AnchorFact? Anchor,
    AuthorityRecord? Authority,
    bool? KeyValidAtAnchoring,
    RevocationFact? Revocation,
    SupersessionFact? Supersession,
    AnchorFact? SupersedingAnchor);
