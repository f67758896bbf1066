using NoticeChain.Chain;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>Hermetic checks of the issuer id value type.</summary>
public sealed class IssuerIdTests
{
    private const string Hex64 = "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

    [Theory]
    [InlineData(Hex64)]
    [InlineData("0x" + Hex64)]
    [InlineData("0xC5D2460186F7233C927E7DB2DCC703C0E500B653CA82273B7BFAD8045D85A470")]
    public void Parse_accepts_64_hex_digits_with_or_without_prefix_and_prints_lower_case_with_prefix(string text)
    {
        Assert.Equal("0x" + Hex64, IssuerId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a4")]
    [InlineData("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47000")]
    [InlineData("g5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    public void Parse_rejects_anything_but_32_bytes_of_hex(string text)
    {
        Assert.False(IssuerId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IssuerId.Parse(text));
    }

    [Fact]
    public void Constructor_rejects_other_lengths()
    {
        Assert.Throws<ArgumentException>(() => new IssuerId(new byte[31]));
        Assert.Throws<ArgumentException>(() => new IssuerId(new byte[33]));
    }

    [Fact]
    public void Authority_code_hashes_to_keccak256_of_its_trimmed_utf8()
    {
        // keccak256("") is the well-known c5d2...a470; keccak256("abc") is 4e03...f45 (Keccak-256 test vectors).
        Assert.Equal(
            IssuerId.Parse("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
            IssuerId.FromAuthorityCode("  abc\t"));
        Assert.NotEqual(IssuerId.FromAuthorityCode("abc"), IssuerId.FromAuthorityCode("ABC"));
        Assert.Throws<ArgumentException>(() => IssuerId.FromAuthorityCode(" \t "));
    }

    [Fact]
    public void Zero_is_the_default_and_the_only_zero()
    {
        Assert.True(default(IssuerId).IsZero);
        Assert.Equal(IssuerId.Zero, new IssuerId(new byte[32]));
        Assert.False(IssuerId.Parse(Hex64).IsZero);
    }

    [Fact]
    public void Round_trips_through_bytes_and_hash32()
    {
        var id = IssuerId.Parse(Hex64);
        var bytes = new byte[IssuerId.Size];

        id.CopyTo(bytes);

        Assert.Equal(id, new IssuerId(bytes));
        Assert.Equal(bytes, id.ToArray());
        Assert.Equal(id, IssuerId.FromHash32(Hash32.Parse("0x" + Hex64)));
        Assert.Equal(Hash32.Parse("0x" + Hex64), id.ToHash32());
        Assert.True(id == IssuerId.FromHash32(id.ToHash32()));
        Assert.Equal(id.GetHashCode(), IssuerId.Parse("0x" + Hex64).GetHashCode());
    }
}
