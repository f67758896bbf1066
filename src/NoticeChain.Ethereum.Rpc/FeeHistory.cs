using System.Numerics;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The answer of <c>eth_feeHistory</c>: base fees and priority-fee percentiles of recent blocks.</summary>
public sealed record FeeHistory
{
    /// <summary>The first block of the range.</summary>
    public required ulong OldestBlock { get; init; }

    /// <summary>Base fee per gas of each block in the range, plus one entry for the block after the newest.</summary>
    public required IReadOnlyList<BigInteger> BaseFeePerGas { get; init; }

    /// <summary>Gas used divided by gas limit for each block in the range.</summary>
    public required IReadOnlyList<double> GasUsedRatio { get; init; }

    /// <summary>Per block, the priority fee at each requested percentile; empty when no percentiles were asked for.</summary>
    public required IReadOnlyList<IReadOnlyList<BigInteger>> Reward { get; init; }
}
