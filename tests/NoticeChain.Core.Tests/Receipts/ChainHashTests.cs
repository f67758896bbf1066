using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Tests.Receipts;

public sealed class ChainHashTests
{
    private const string Text = "0x1b5b9ccb3e8d006a5230de9bda23ff91edc794d4f56410560830b418528e446c";

    [Fact]
    public void Text_form_is_0x_and_lower_case_hex_and_parses_back()
    {
        var hash = ChainHash.Parse("0x" + Text[2..].ToUpperInvariant());

        Assert.Equal(Text, hash.ToString());
        Assert.Equal(hash, new ChainHash(hash.ToArray()));
        Assert.False(hash.IsZero);
        Assert.True(default(ChainHash).IsZero);
    }

    [Theory]
    [InlineData("1b5b9ccb3e8d006a5230de9bda23ff91edc794d4f56410560830b418528e446c")]
    [InlineData("0x1b5b9ccb3e8d006a5230de9bda23ff91edc794d4f56410560830b418528e446")]
    [InlineData("0x1b5b9ccb3e8d006a5230de9bda23ff91edc794d4f56410560830b418528e446c00")]
    [InlineData("0x1b5b9ccb3e8d006a5230de9bda23ff91edc794d4f56410560830b418528e446z")]
    public void Parse_rejects_anything_but_0x_and_64_hex_digits(string text)
    {
        Assert.False(ChainHash.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ChainHash.Parse(text));
    }
}
