using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Core.Notices;

/// <summary>A notice as the store knows it: what was submitted, what the store added, and where it stands.</summary>
/// <remarks>
/// A read model, rebuilt on every read: <see cref="Status"/> is derived from the notice's batch (mined or not) and
/// from the registry facts the chain follower indexed for its leaf, never stored on its own, so it cannot drift
/// from the chain.
/// </remarks>
public sealed record Notice
{
    /// <summary>The notice's id.</summary>
    public required NoticeId Id { get; init; }

    /// <summary>The authority that submitted it; the only one that can see or change it.</summary>
    public required AuthorityId Authority { get; init; }

    /// <summary>The SHA-256 of the document.</summary>
    public required Digest Digest { get; init; }

    /// <summary>The salt the store drew when it accepted the notice.</summary>
    public required Salt Salt { get; init; }

    /// <summary>The leaf <c>SHA-256(0x00 || salt || digest)</c>, what the chain knows the notice by.</summary>
    public required MerkleHash Leaf { get; init; }

    /// <summary>The authority's opaque reference.</summary>
    public required NoticeReference Reference { get; init; }

    /// <summary>When the store accepted it (millisecond precision).</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Where it stands now.</summary>
    public required NoticeStatus Status { get; init; }

    /// <summary>The earlier notice this one replaces, if it was submitted with one.</summary>
    public NoticeId? Supersedes { get; init; }

    /// <summary>The block time of its anchoring, once its batch is mined.</summary>
    public DateTimeOffset? AnchoredAt { get; init; }

    /// <summary>The revocation the authority requested and the worker has yet to put on chain, if any.</summary>
    public RevocationRequest? RevocationRequest { get; init; }

    /// <summary>The revocation as recorded on chain, if any.</summary>
    public RevocationFact? Revocation { get; init; }

    /// <summary>The supersession as recorded on chain, if any.</summary>
    public SupersessionFact? Supersession { get; init; }

    /// <summary>The authority's notice that replaced this one on chain, if the store holds it.</summary>
    public NoticeId? SupersededBy { get; init; }
}
