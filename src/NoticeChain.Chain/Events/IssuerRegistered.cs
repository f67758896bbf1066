using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Events;

/// <summary><c>IssuerRegistered</c>: governance registered an authority with its first key.</summary>
public sealed record IssuerRegistered : RegistryEvent
{
    /// <summary>The authority's permanent id.</summary>
    public required IssuerId IssuerId { get; init; }

    /// <summary>Its first signing key.</summary>
    public required Address Key { get; init; }

    /// <summary>Its display name.</summary>
    public required string Name { get; init; }
}
