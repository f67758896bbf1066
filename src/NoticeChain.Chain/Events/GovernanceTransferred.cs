using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Events;

/// <summary><c>GovernanceTransferred</c>: governance changed hands (from the zero address at deployment).</summary>
public sealed record GovernanceTransferred : RegistryEvent
{
    /// <summary>The governance before, or the zero address for the deployment.</summary>
    public required Address PreviousGovernance { get; init; }

    /// <summary>The governance now.</summary>
    public required Address NewGovernance { get; init; }
}
