using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Events;

/// <summary><c>GovernanceTransferStarted</c>: governance proposed a successor (zero withdraws a proposal).</summary>
public sealed record GovernanceTransferStarted : RegistryEvent
{
    /// <summary>The governance that made the proposal.</summary>
    public required Address CurrentGovernance { get; init; }

    /// <summary>The proposed successor, or the zero address when a proposal was withdrawn.</summary>
    public required Address PendingGovernance { get; init; }
}
