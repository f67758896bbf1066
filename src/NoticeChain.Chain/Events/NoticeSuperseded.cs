using NoticeChain.Core.Merkle;

namespace NoticeChain.Chain.Events;

/// <summary><c>Superseded</c>: an authority replaced one of its notices by another of its notices.</summary>
public sealed record NoticeSuperseded : RegistryEvent
{
    /// <summary>The authority.</summary>
    public required IssuerId IssuerId { get; init; }

    /// <summary>The replaced notice's leaf hash.</summary>
    public required MerkleHash OldLeaf { get; init; }

    /// <summary>The replacing notice's leaf hash.</summary>
    public required MerkleHash NewLeaf { get; init; }

    /// <summary>The root the replaced notice was proven against.</summary>
    public required MerkleHash OldRoot { get; init; }

    /// <summary>The root that contains the replacement.</summary>
    public required MerkleHash NewRoot { get; init; }

    /// <summary>Why the notice was replaced.</summary>
    public required RevocationReason Reason { get; init; }

    /// <summary>When the replacement takes legal effect, as the authority declared it.</summary>
    public required DateTimeOffset EffectiveAt { get; init; }

    /// <summary>The block time of the superseding transaction.</summary>
    public required DateTimeOffset SupersededAt { get; init; }
}
