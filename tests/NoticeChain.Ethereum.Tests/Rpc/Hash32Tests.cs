using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class Hash32Tests
{
    private const string Text = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b";

    [Fact]
    public void Parse_then_ToString_round_trips_in_lower_case()
    {
        Assert.Equal(Text, Hash32.Parse(Text).ToString());
        Assert.Equal(Text, Hash32.Parse(Text.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void Bytes_round_trip_through_the_constructor()
    {
        var bytes = Convert.FromHexString(Text[2..]);

        var hash = new Hash32(bytes);

        Assert.Equal(bytes, hash.ToArray());
        Assert.Equal(Hash32.Parse(Text), hash);
    }

    [Theory]
    [InlineData("88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b")]
    [InlineData("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944")]
    [InlineData("0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b00")]
    [InlineData("0x0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a71394")]
    [InlineData("0xz8df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b")]
    [InlineData("")]
    public void Parse_rejects_anything_but_0x_and_64_hex_digits(string text)
    {
        Assert.False(Hash32.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Hash32.Parse(text));
    }

    [Fact]
    public void Constructor_rejects_a_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => new Hash32(new byte[31]));
    }

    [Fact]
    public void Equality_is_by_value_and_default_is_zero()
    {
        var a = Hash32.Parse(Text);
        var b = Hash32.Parse(Text);
        var other = Hash32.Parse("0x" + new string('1', 64));

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != other);
        Assert.Equal(Hash32.Zero, default);
        Assert.Equal("0x" + new string('0', 64), default(Hash32).ToString());
    }
}
