using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Tests.Receipts;

public sealed class ChainAddressTests
{
    [Fact]
    public void Any_case_parses_and_prints_as_lower_case()
    {
        var address = ChainAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

        Assert.Equal("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", address.ToString());
        Assert.Equal(address, new ChainAddress(address.ToArray()));
        Assert.Equal(Convert.FromHexString("70997970c51812dc3a010c7d01b50e0d17dc79c8"), address.ToArray());
    }

    [Theory]
    [InlineData("70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79c8aa")]
    [InlineData("0x70997970c51812dc3a010c7d01b50e0d17dc79cg")]
    [InlineData("")]
    public void Parse_rejects_anything_but_0x_and_40_hex_digits(string text)
    {
        Assert.False(ChainAddress.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ChainAddress.Parse(text));
    }

    [Fact]
    public void Only_the_zero_address_is_zero()
    {
        Assert.True(default(ChainAddress).IsZero);
        Assert.True(new ChainAddress(new byte[20]).IsZero);
        var last = new byte[20];
        last[19] = 1;
        Assert.False(new ChainAddress(last).IsZero);
        Assert.Throws<ArgumentException>(() => new ChainAddress(new byte[32]));
    }
}
