namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>How <see cref="AnvilNode.StartAsync"/> starts Anvil.</summary>
public sealed record AnvilNodeOptions
{
    /// <summary>The chain id, 31337 unless a test needs another (EIP-155 replay protection tests).</summary>
    public ulong ChainId { get; init; } = AnvilNode.DefaultChainId;

    /// <summary>Seconds between blocks; <see langword="null"/> mines a block per transaction (automine).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>The hardfork; <see langword="null"/> takes the <c>evmVersion</c> of contracts/compiler.json.</summary>
    public string? Hardfork { get; init; }

    /// <summary>How long to wait for the node to answer <c>eth_chainId</c>.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
