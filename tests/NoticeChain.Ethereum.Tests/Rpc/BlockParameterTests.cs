using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class BlockParameterTests
{
    [Fact]
    public void Default_means_latest()
    {
        Assert.Equal("latest", default(BlockParameter).ToString());
        Assert.Equal(BlockParameter.Latest, default);
        Assert.Null(default(BlockParameter).Number);
    }

    [Fact]
    public void Tags_print_their_spec_names()
    {
        Assert.Equal("pending", BlockParameter.Pending.ToString());
        Assert.Equal("earliest", BlockParameter.Earliest.ToString());
        Assert.Equal("safe", BlockParameter.Safe.ToString());
        Assert.Equal("finalized", BlockParameter.Finalized.ToString());
    }

    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(436UL, "0x1b4")]
    public void A_number_prints_as_a_canonical_quantity_and_block_zero_is_not_latest(ulong number, string expected)
    {
        BlockParameter block = number;

        Assert.Equal(expected, block.ToString());
        Assert.Equal(number, block.Number);
        Assert.NotEqual(BlockParameter.Latest, block);
        Assert.Equal(BlockParameter.FromNumber(number), block);
    }
}
