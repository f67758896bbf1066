using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>A notice the registry recorded as replaced by another: its <c>Superseded</c> event.</summary>
/// <param name="Authority">The authority; with <paramref name="OldLeaf"/> the key of the fact, as on chain.</param>
/// <param name="OldLeaf">The replaced notice's leaf.</param>
/// <param name="NewLeaf">The replacing notice's leaf.</param>
/// <param name="OldRoot">The root the old notice was proven against.</param>
/// <param name="NewRoot">The root the new notice was proven against.</param>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveAt">When it takes legal effect, as the authority declared it.</param>
/// <param name="SupersededAt">The block time.</param>
/// <param name="Position">Where the event was found.</param>
public sealed record SupersessionFact(
    AuthorityId Authority,
    MerkleHash OldLeaf,
    MerkleHash NewLeaf,
    MerkleHash OldRoot,
    MerkleHash NewRoot,
    RevocationReason Reason,
    DateTimeOffset EffectiveAt,
    DateTimeOffset SupersededAt,
    ChainEventPosition Position);
