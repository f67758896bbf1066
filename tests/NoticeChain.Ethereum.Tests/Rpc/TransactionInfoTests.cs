using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class TransactionInfoTests
{
    [Fact]
    public void Transactions_with_the_same_input_in_different_arrays_are_equal_and_hash_alike()
    {
        var first = Sample();
        var second = Sample();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Transactions_that_differ_in_input_are_not_equal()
    {
        Assert.NotEqual(Sample(), Sample() with { Input = new byte[] { 0xab, 0xcd } });
        Assert.NotEqual(Sample(), Sample() with { Nonce = 8 });
    }

    internal static TransactionInfo Sample() => new()
    {
        Hash = Hash32.Parse(RpcSamples.TxHash),
        Type = 2,
        Nonce = 7,
        From = Address.Parse(RpcSamples.Sender),
        To = Address.Parse(RpcSamples.Registry),
        Value = 0,
        Gas = 125_000,
        MaxFeePerGas = 2_000_000_000,
        MaxPriorityFeePerGas = 1_000_000_000,
        Input = new byte[] { 0xab, 0xcd, 0xef },
        ChainId = 31337,
    };
}
