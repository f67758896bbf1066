using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Events;

/// <summary><c>IssuerKeyRotated</c>: governance replaced an authority's key; roots of the old key stay the authority's.</summary>
public sealed record IssuerKeyRotated : RegistryEvent
{
    /// <summary>The authority.</summary>
    public required IssuerId IssuerId { get; init; }

    /// <summary>The key that can no longer anchor.</summary>
    public required Address OldKey { get; init; }

    /// <summary>The key that anchors from now on.</summary>
    public required Address NewKey { get; init; }
}
