using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>An anchored notice with its inclusion proof: the registry's <c>Inclusion</c> struct, plus the notice id.</summary>
/// <param name="Notice">The notice.</param>
/// <param name="Leaf">Its leaf hash.</param>
/// <param name="Root">The anchored root of its batch.</param>
/// <param name="Proof">Its RFC 9162 inclusion proof in that tree (index, size, path).</param>
public sealed record NoticeInclusion(NoticeId Notice, MerkleHash Leaf, MerkleHash Root, InclusionProof Proof);
