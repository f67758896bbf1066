using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed class AuthorityIdTests
{
    private const string Text = "0x8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e9";

    [Fact]
    public void Text_form_is_0x_and_lower_case_hex_and_parses_back()
    {
        var id = AuthorityId.Parse(Text.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        Assert.Equal(Text, id.ToString());
        Assert.Equal(id, new AuthorityId(id.ToArray()));
        Assert.Equal(Convert.FromHexString(Text[2..]), id.ToArray());
    }

    [Theory]
    [InlineData("8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e9")]
    [InlineData("0X8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e9")]
    [InlineData("0x8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e")]
    [InlineData("0x8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e9a")]
    [InlineData("0x8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1eg")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public void Parse_rejects_malformed_or_zero_ids(string text)
    {
        Assert.False(AuthorityId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => AuthorityId.Parse(text));
    }

    [Fact]
    public void The_zero_id_and_wrong_lengths_cannot_be_constructed()
    {
        Assert.Throws<ArgumentException>(() => new AuthorityId(new byte[32]));
        Assert.Throws<ArgumentException>(() => new AuthorityId(new byte[31]));
    }
}
