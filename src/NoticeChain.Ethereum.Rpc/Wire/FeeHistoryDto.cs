using System.Numerics;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>The <c>eth_feeHistory</c> result on the wire.</summary>
internal sealed class FeeHistoryDto
{
    public string? OldestBlock { get; set; }

    public string?[]? BaseFeePerGas { get; set; }

    public double[]? GasUsedRatio { get; set; }

    public string?[]?[]? Reward { get; set; }

    public FeeHistory ToModel() => new()
    {
        OldestBlock = WireField.UInt64(OldestBlock, "oldestBlock"),
        BaseFeePerGas = Array.ConvertAll(WireField.Required(BaseFeePerGas, "baseFeePerGas"), f => WireField.BigInteger(f, "baseFeePerGas[]")),
        GasUsedRatio = WireField.Required(GasUsedRatio, "gasUsedRatio"),

        // Nodes omit "reward" when no percentiles were requested.
        Reward = Reward is null
            ? []
            : Array.ConvertAll(Reward, block => (IReadOnlyList<BigInteger>)Array.ConvertAll(
                WireField.Required(block, "reward[]"), r => WireField.BigInteger(r, "reward[][]"))),
    };
}
