using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>A notice the registry recorded as revoked: its <c>Revoked</c> event.</summary>
/// <param name="Authority">The authority that revoked it; with <paramref name="Leaf"/> the key of the fact, as on chain.</param>
/// <param name="Leaf">The notice's leaf hash.</param>
/// <param name="Root">The root the revocation was proven against.</param>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveAt">When it takes legal effect, as the authority declared it.</param>
/// <param name="RevokedAt">The block time.</param>
/// <param name="Position">Where the event was found.</param>
public sealed record RevocationFact(
    AuthorityId Authority,
    MerkleHash Leaf,
    MerkleHash Root,
    RevocationReason Reason,
    DateTimeOffset EffectiveAt,
    DateTimeOffset RevokedAt,
    ChainEventPosition Position);
