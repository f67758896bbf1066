using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Crypto;

public sealed class AddressTests
{
    private const string VectorFile = "eip55.json";

    public static TheoryData<string> Checksummed() => Strings("checksummed");

    public static TheoryData<string, string> Accepted()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in CryptoVectors.Load(VectorFile).GetProperty("accepted").EnumerateArray())
        {
            data.Add(vector.Text("text"), vector.Text("expected"));
        }

        return data;
    }

    public static TheoryData<string> Rejected()
    {
        var data = new TheoryData<string>();
        foreach (var vector in CryptoVectors.Load(VectorFile).GetProperty("rejected").EnumerateArray())
        {
            data.Add(vector.Text("text"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Checksummed))]
    public void ToString_reproduces_the_eip55_checksum(string checksummed)
    {
        var address = new Address(Hex.Decode(checksummed));

        Assert.Equal(checksummed, address.ToString());
    }

    [Theory]
    [MemberData(nameof(Checksummed))]
    public void Parse_accepts_the_eip55_checksum_and_its_lower_and_upper_case_forms(string checksummed)
    {
        var expected = new Address(Hex.Decode(checksummed));
        var digits = checksummed[2..];

        Assert.Equal(expected, Address.Parse(checksummed));
        Assert.Equal(expected, Address.Parse("0x" + digits.ToLowerInvariant()));
        Assert.Equal(expected, Address.Parse("0x" + digits.ToUpperInvariant()));
        Assert.True(Address.TryParseChecksummed(checksummed, out var strict));
        Assert.Equal(expected, strict);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_accepts_unchecksummed_and_unprefixed_text(string text, string expected)
    {
        Assert.True(Address.TryParse(text, out var address));
        Assert.Equal(expected, address.ToString());
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Parse_rejects_a_wrong_checksum_or_malformed_text(string text)
    {
        Assert.False(Address.TryParse(text, out var address));
        Assert.Equal(Address.Zero, address);
        Assert.Throws<FormatException>(() => Address.Parse(text));
    }

    [Fact]
    public void TryParseChecksummed_rejects_a_single_case_spelling_of_a_mixed_case_checksum()
    {
        Assert.False(Address.TryParseChecksummed("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", out _));
        Assert.False(Address.TryParseChecksummed("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", out _));
    }

    [Fact]
    public void ToLowerHex_is_the_lower_case_prefixed_form()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        Assert.Equal("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", address.ToLowerHex());
    }

    [Fact]
    public void CopyTo_and_ToArray_return_the_20_bytes()
    {
        var bytes = Hex.Decode("0x00112233445566778899aabbccddeeff00112233");
        var address = new Address(bytes);
        var destination = new byte[Address.Size];

        address.CopyTo(destination);

        Assert.Equal(bytes, destination);
        Assert.Equal(bytes, address.ToArray());
    }

    [Fact]
    public void CopyTo_rejects_a_short_destination()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        Assert.Throws<ArgumentException>(() => address.CopyTo(new byte[19]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(32)]
    public void Constructor_rejects_a_length_other_than_20(int length)
    {
        Assert.Throws<ArgumentException>(() => new Address(new byte[length]));
    }

    [Fact]
    public void Zero_is_the_default_value_and_prints_as_forty_zeros()
    {
        Assert.Equal(default, Address.Zero);
        Assert.True(Address.Zero.IsZero);
        Assert.Equal("0x0000000000000000000000000000000000000000", Address.Zero.ToString());
        Assert.False(Address.Parse("0x0000000000000000000000000000000000000001").IsZero);
    }

    [Fact]
    public void Equality_compares_every_byte()
    {
        var bytes = Hex.Decode("0x00112233445566778899aabbccddeeff00112233");
        var same = new Address(bytes);
        var other = new byte[20];

        for (int i = 0; i < bytes.Length; i++)
        {
            bytes.CopyTo(other, 0);
            other[i] ^= 0x01;
            var different = new Address(other);
            Assert.NotEqual(same, different);
            Assert.True(same != different);
        }

        Assert.Equal(same, new Address(bytes));
        Assert.True(same == new Address(bytes));
        Assert.Equal(same.GetHashCode(), new Address(bytes).GetHashCode());
        Assert.True(same.Equals((object)new Address(bytes)));
        Assert.False(same.Equals("not an address"));
    }

    private static TheoryData<string> Strings(string section)
    {
        var data = new TheoryData<string>();
        foreach (var value in CryptoVectors.Load(VectorFile).GetProperty(section).EnumerateArray())
        {
            data.Add(value.GetString()!);
        }

        return data;
    }
}
