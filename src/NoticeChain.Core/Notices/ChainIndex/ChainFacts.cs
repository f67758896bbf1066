namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>The registry facts the chain follower read from a range of blocks, applied to the store in one go
/// together with the new cursor.</summary>
/// <remarks>Every list defaults to empty, so a follower sets only what it found.</remarks>
public sealed record ChainFacts
{
    /// <summary><c>Anchored</c> events.</summary>
    public IReadOnlyList<AnchorFact> Anchors { get; init; } = [];

    /// <summary><c>Revoked</c> events.</summary>
    public IReadOnlyList<RevocationFact> Revocations { get; init; } = [];

    /// <summary><c>Superseded</c> events.</summary>
    public IReadOnlyList<SupersessionFact> Supersessions { get; init; } = [];

    /// <summary><c>IssuerRegistered</c>, <c>IssuerKeyRotated</c> and <c>IssuerRetired</c> events.</summary>
    public IReadOnlyList<AuthorityEvent> AuthorityEvents { get; init; } = [];
}
