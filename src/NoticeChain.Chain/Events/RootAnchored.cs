using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Events;

/// <summary><c>Anchored</c>: an authority anchored the root of a tree of notices.</summary>
public sealed record RootAnchored : RegistryEvent
{
    /// <summary>The root hash.</summary>
    public required MerkleHash Root { get; init; }

    /// <summary>The authority whose key anchored it.</summary>
    public required IssuerId IssuerId { get; init; }

    /// <summary>The key that sent the transaction.</summary>
    public required Address Key { get; init; }

    /// <summary>The number of leaves of the tree.</summary>
    public required ulong Size { get; init; }

    /// <summary>The block time of the anchoring transaction.</summary>
    public required DateTimeOffset AnchoredAt { get; init; }
}
