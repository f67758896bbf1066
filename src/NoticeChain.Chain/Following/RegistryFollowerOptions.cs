using NoticeChain.Chain.Events;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Following;

/// <summary>Where the <see cref="RegistryFollower"/> starts, how far behind the head it stays and how much it reads at once (decision 0012).</summary>
public sealed record RegistryFollowerOptions
{
    /// <summary>The <c>NoticeRegistry</c> contract whose events are indexed.</summary>
    public required Address Registry { get; init; }

    /// <summary>The first block read on an empty store: the registry's deployment block; 0 by default.</summary>
    /// <remarks>No registry event can lie before the deployment, so starting there saves reading the chain's
    /// whole history on a long-lived network, while 0 is always correct.</remarks>
    public ulong StartBlock { get; init; }

    /// <summary>How many blocks below the head the follower stays; 0 by default.</summary>
    /// <remarks>
    /// 0 indexes a block as soon as it is mined, which suits Anvil's automine and Besu QBFT (immediate finality).
    /// On a chain with probabilistic finality a few confirmations make rewinds rare; they are still handled.
    /// </remarks>
    public ulong Confirmations { get; init; }

    /// <summary>Blocks per <c>eth_getLogs</c> request, and per store transaction; 2,000 by default.</summary>
    /// <remarks>Each page is applied with its cursor in one transaction, so a pass interrupted by the node keeps
    /// every page it finished.</remarks>
    public ulong BlocksPerPage { get; init; } = RegistryEventReader.DefaultBlocksPerPage;

    /// <summary>The most blocks one pass reads; 20,000 by default.</summary>
    /// <remarks>Bounds the length of a pass, so a host loop also looks at reorgs and cancellation regularly while
    /// it replays a long history.</remarks>
    public ulong BlocksPerPass { get; init; } = 20_000;

    /// <summary>How many blocks the follower steps back when the cursor's block is no longer canonical; 12 by default.</summary>
    /// <remarks>
    /// The store keeps only the cursor's hash, so the fork point is not known; stepping back a fixed depth and
    /// reading forward again re-derives everything above it, and the facts' natural keys make the re-read
    /// idempotent. A reorg deeper than this is not repaired; 12 matches the anchoring worker's re-check depth.
    /// </remarks>
    public ulong ReorgDepth { get; init; } = 12;

    /// <summary>Throws when a value cannot work.</summary>
    /// <exception cref="ArgumentException">The registry is the zero address.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A page, pass or reorg depth is zero.</exception>
    internal void Validate()
    {
        if (Registry.IsZero)
        {
            throw new ArgumentException("The registry address must not be zero.", nameof(Registry));
        }

        ArgumentOutOfRangeException.ThrowIfZero(BlocksPerPage, nameof(BlocksPerPage));
        ArgumentOutOfRangeException.ThrowIfZero(BlocksPerPass, nameof(BlocksPerPass));
        ArgumentOutOfRangeException.ThrowIfZero(ReorgDepth, nameof(ReorgDepth));
    }
}
