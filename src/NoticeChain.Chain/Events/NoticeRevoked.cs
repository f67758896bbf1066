using NoticeChain.Core.Merkle;

namespace NoticeChain.Chain.Events;

/// <summary><c>Revoked</c>: an authority revoked one of its notices, proven against one of its roots.</summary>
public sealed record NoticeRevoked : RegistryEvent
{
    /// <summary>The authority.</summary>
    public required IssuerId IssuerId { get; init; }

    /// <summary>The revoked notice's leaf hash.</summary>
    public required MerkleHash Leaf { get; init; }

    /// <summary>The root the revocation was proven against.</summary>
    public required MerkleHash Root { get; init; }

    /// <summary>Why the notice was revoked.</summary>
    public required RevocationReason Reason { get; init; }

    /// <summary>When the revocation takes legal effect, as the authority declared it.</summary>
    public required DateTimeOffset EffectiveAt { get; init; }

    /// <summary>The block time of the revoking transaction.</summary>
    public required DateTimeOffset RevokedAt { get; init; }
}
