using NoticeChain.Core.Merkle;

namespace NoticeChain.Chain;

/// <summary>A notice's leaf hash, the anchored root it is in, and the RFC 9162 proof that connects them.</summary>
/// <remarks>
/// What the registry needs to accept a revocation or supersession (its <c>Inclusion</c> struct), and what a
/// receipt gives a verifier. The proof's tree size must be the size anchored with <paramref name="Root"/>:
/// the contract compares them, because a path can also fit a tree of a neighbouring size.
/// </remarks>
/// <param name="Leaf">The leaf hash SHA-256(0x00 || salt || digest).</param>
/// <param name="Root">The anchored root.</param>
/// <param name="Proof">The leaf index, tree size and audit path.</param>
public sealed record NoticeInclusion(MerkleHash Leaf, MerkleHash Root, InclusionProof Proof);
