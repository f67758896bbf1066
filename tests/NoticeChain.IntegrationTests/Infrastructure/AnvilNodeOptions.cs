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

    /// <summary>The base fee of the first block (<c>--block-base-fee-per-gas</c>); 0 makes a zero-fee chain whose base fee
    /// stays 0, like Besu's <c>zeroBaseFee</c>. <see langword="null"/> keeps Anvil's default.</summary>
    public ulong? BaseFeePerGas { get; init; }

    /// <summary>The gas price Anvil suggests and requires at least (<c>--gas-price</c>); <see langword="null"/> keeps its default.</summary>
    public ulong? GasPrice { get; init; }

    /// <summary>A fixed loopback port, e.g. one a test pointed a service at before the node existed; <see langword="null"/>
    /// picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>How long to wait for the node to answer <c>eth_chainId</c>.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
