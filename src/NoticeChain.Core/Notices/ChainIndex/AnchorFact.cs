using NoticeChain.Core.Merkle;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>A root the registry recorded as anchored: its <c>Anchored</c> event.</summary>
/// <param name="Root">The anchored root; the key of the fact (a root is anchored once).</param>
/// <param name="Authority">The authority whose key anchored it.</param>
/// <param name="Key">The key that sent the transaction.</param>
/// <param name="TreeSize">The size anchored with the root; a receipt's tree size must equal it.</param>
/// <param name="AnchoredAt">The block time.</param>
/// <param name="Position">Where the event was found.</param>
public sealed record AnchorFact(
    MerkleHash Root,
    AuthorityId Authority,
    ChainAddress Key,
    ulong TreeSize,
    DateTimeOffset AnchoredAt,
    ChainEventPosition Position);
