using System.Numerics;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class FeeHistoryTests
{
    [Fact]
    public void Histories_with_the_same_values_in_different_lists_are_equal_and_hash_alike()
    {
        var first = Sample();
        var second = Sample();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Histories_that_differ_in_a_value_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { BaseFeePerGas = [7, 8] });
        Assert.NotEqual(Sample(), Sample() with { GasUsedRatio = [0.5] });
        Assert.NotEqual(Sample(), Sample() with { Reward = [[1, 3], [2, 3]] });
        Assert.NotEqual(Sample(), Sample() with { Reward = [[1, 2]] });
    }

    private static FeeHistory Sample() => new()
    {
        OldestBlock = 10,
        BaseFeePerGas = [7, 8, 9],
        GasUsedRatio = [0.5, 0.25],
        Reward = [new BigInteger[] { 1, 2 }, new BigInteger[] { 2, 3 }],
    };
}
