using System.Numerics;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The answer of <c>eth_feeHistory</c>: base fees and priority-fee percentiles of recent blocks.</summary>
/// <remarks>Equality is by value, the lists compared element by element.</remarks>
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

    /// <summary>True when every field is equal, comparing the lists element by element.</summary>
    public bool Equals(FeeHistory? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && OldestBlock == other.OldestBlock
            && ValueEquality.Sequence(BaseFeePerGas, other.BaseFeePerGas)
            && ValueEquality.Sequence(GasUsedRatio, other.GasUsedRatio)
            && ValueEquality.Nested(Reward, other.Reward));

    /// <summary>A hash code consistent with <see cref="Equals(FeeHistory?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(OldestBlock);
        ValueEquality.AddSequence(ref hash, BaseFeePerGas);
        ValueEquality.AddSequence(ref hash, GasUsedRatio);
        hash.Add(Reward.Count);
        return hash.ToHashCode();
    }
}
