using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class TransactionReceiptTests
{
    [Fact]
    public void Receipts_with_equal_logs_in_different_lists_are_equal_and_hash_alike()
    {
        var first = Sample();
        var second = Sample();

        Assert.NotSame(first.Logs, second.Logs);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Receipts_that_differ_in_a_log_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { Logs = [LogEntryTests.Sample() with { Data = new byte[] { 9 } }] });
        Assert.NotEqual(Sample(), Sample() with { Logs = [] });
        Assert.NotEqual(Sample(), Sample() with { Status = 0 });
    }

    private static TransactionReceipt Sample() => new()
    {
        TransactionHash = Hash32.Parse(RpcSamples.TxHash),
        TransactionIndex = 0,
        BlockHash = Hash32.Parse(RpcSamples.BlockHash),
        BlockNumber = 436,
        From = Address.Parse(RpcSamples.Sender),
        To = Address.Parse(RpcSamples.Registry),
        Status = 1,
        GasUsed = 21_000,
        CumulativeGasUsed = 21_000,
        EffectiveGasPrice = 1_000_000_000,
        Logs = [LogEntryTests.Sample()],
    };
}
