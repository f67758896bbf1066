using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Encoding;

public sealed class HexTests
{
    [Theory]
    [InlineData("", "0x")]
    [InlineData("00", "0x00")]
    [InlineData("0aff10", "0x0aff10")]
    public void Encode_writes_prefixed_lower_case(string bareHex, string expected)
    {
        var bytes = Convert.FromHexString(bareHex);
        Assert.Equal(expected, Hex.Encode(bytes));
        Assert.Equal(expected[2..], Hex.Encode(bytes, prefix: false));
    }

    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("0xABcd", new byte[] { 0xab, 0xcd })]
    [InlineData("0XABcd", new byte[] { 0xab, 0xcd })]
    [InlineData("abcd", new byte[] { 0xab, 0xcd })]
    public void Decode_accepts_optional_prefix_and_either_case(string text, byte[] expected) =>
        Assert.Equal(expected, Hex.Decode(text));

    [Theory]
    [InlineData("0x1")]
    [InlineData("0xabc")]
    [InlineData("0xzz")]
    [InlineData("0x0g")]
    [InlineData("0x 1")]
    [InlineData("x0")]
    public void Decode_rejects_odd_length_and_non_hex(string text)
    {
        Assert.Throws<FormatException>(() => Hex.Decode(text));
        Assert.False(Hex.TryDecode(text, out byte[]? bytes));
        Assert.Null(bytes);
    }

    [Fact]
    public void TryDecode_into_span_requires_exact_length()
    {
        Span<byte> four = stackalloc byte[4];
        Assert.True(Hex.TryDecode("0xdeadbeef", four));
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, four.ToArray());
        Assert.False(Hex.TryDecode("0xdeadbe", four));
        Assert.False(Hex.TryDecode("0xdeadbeef00", four));
    }

    [Fact]
    public void Encode_then_decode_is_identity_for_random_bytes()
    {
        var random = new Random(20261122);
        for (int length = 0; length < 200; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Hex.Decode(Hex.Encode(bytes)));
        }
    }
}
