using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Events;

/// <summary><c>IssuerRetired</c>: governance retired an authority; its anchors stay verifiable, it cannot act any more.</summary>
public sealed record IssuerRetired : RegistryEvent
{
    /// <summary>The authority.</summary>
    public required IssuerId IssuerId { get; init; }

    /// <summary>The key it had when it was retired.</summary>
    public required Address LastKey { get; init; }
}
