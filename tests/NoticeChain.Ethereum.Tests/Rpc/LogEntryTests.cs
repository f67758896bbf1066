using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class LogEntryTests
{
    [Fact]
    public void Logs_with_the_same_content_in_different_arrays_are_equal_and_hash_alike()
    {
        var first = Sample();
        var second = Sample();

        Assert.NotSame(first.Topics, second.Topics);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Logs_that_differ_in_data_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { Data = new byte[] { 0x00, 0x02 } });
        Assert.NotEqual(Sample(), Sample() with { Data = new byte[] { 0x00 } });
    }

    [Fact]
    public void Logs_that_differ_in_a_topic_or_the_number_of_topics_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { Topics = [Hash32.Parse(RpcSamples.Topic0), Hash32.Zero] });
        Assert.NotEqual(Sample(), Sample() with { Topics = [Hash32.Parse(RpcSamples.Topic0)] });
    }

    [Fact]
    public void Logs_that_differ_in_position_or_removal_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { LogIndex = 3 });
        Assert.NotEqual(Sample(), Sample() with { Removed = true });
    }

    internal static LogEntry Sample() => new()
    {
        Address = Address.Parse(RpcSamples.Registry),
        Topics = [Hash32.Parse(RpcSamples.Topic0), Hash32.Parse(RpcSamples.Topic1)],
        Data = new byte[] { 0x00, 0x01 },
        BlockNumber = 436,
        BlockHash = Hash32.Parse(RpcSamples.BlockHash),
        TransactionHash = Hash32.Parse(RpcSamples.TxHash),
        TransactionIndex = 0,
        LogIndex = 2,
    };
}
