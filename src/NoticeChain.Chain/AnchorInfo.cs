using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain;

/// <summary>An anchored root as the registry holds it (<c>getAnchor</c>).</summary>
/// <param name="Root">The root hash.</param>
/// <param name="IssuerId">The authority whose key anchored the root, read from the chain rather than from a receipt.</param>
/// <param name="Key">The key that sent the anchoring transaction.</param>
/// <param name="Size">The number of leaves of the tree, which every proof against this root must use.</param>
/// <param name="AnchoredAt">Block time of the anchoring transaction: the notices' proven time of issue.</param>
/// <param name="BlockNumber">The block of the anchoring transaction, where its <c>Anchored</c> event is.</param>
public sealed record AnchorInfo(
    MerkleHash Root,
    IssuerId IssuerId,
    Address Key,
    ulong Size,
    DateTimeOffset AnchoredAt,
    ulong BlockNumber);
