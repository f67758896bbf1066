using NoticeChain.Core.Merkle;

namespace NoticeChain.Chain;

/// <summary>A revocation as the registry holds it (<c>getRevocation</c>).</summary>
/// <param name="IssuerId">The authority that revoked (and anchored) the notice.</param>
/// <param name="Leaf">The revoked notice's leaf hash.</param>
/// <param name="Reason">Why it was revoked.</param>
/// <param name="EffectiveAt">When the revocation takes legal effect, as the authority declared it; may precede <paramref name="RevokedAt"/>.</param>
/// <param name="RevokedAt">Block time of the revoking transaction.</param>
public sealed record RevocationInfo(
    IssuerId IssuerId,
    MerkleHash Leaf,
    RevocationReason Reason,
    DateTimeOffset EffectiveAt,
    DateTimeOffset RevokedAt);
