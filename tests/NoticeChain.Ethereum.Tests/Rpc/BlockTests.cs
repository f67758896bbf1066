using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class BlockTests
{
    [Fact]
    public void Blocks_with_the_same_transactions_in_different_lists_are_equal_and_hash_alike()
    {
        var first = Sample();
        var second = Sample();

        Assert.NotSame(first.TransactionHashes, second.TransactionHashes);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first with { Transactions = [TransactionInfoTests.Sample()] }, second with { Transactions = [TransactionInfoTests.Sample()] });
    }

    [Fact]
    public void Blocks_that_differ_in_their_transactions_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { TransactionHashes = [] });
        Assert.NotEqual(Sample(), Sample() with { TransactionHashes = [Hash32.Zero] });
        Assert.NotEqual(Sample(), Sample() with { Transactions = [TransactionInfoTests.Sample()] });
    }

    [Fact]
    public void Time_is_the_timestamp_in_utc()
    {
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), Sample().Time);
    }

    private static Block Sample() => new()
    {
        Number = 436,
        Hash = Hash32.Parse(RpcSamples.BlockHash),
        ParentHash = Hash32.Parse(RpcSamples.ParentHash),
        Timestamp = 0x6553f100,
        BaseFeePerGas = 1_000_000_000,
        GasLimit = 30_000_000,
        GasUsed = 21_000,
        TransactionHashes = [Hash32.Parse(RpcSamples.TxHash)],
    };
}
