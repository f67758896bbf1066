using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Tests.Hashing;

public sealed class SaltTests
{
    private const string Counting = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    [Fact]
    public void Generate_returns_a_fresh_random_salt_each_time()
    {
        var salts = Enumerable.Range(0, 16).Select(_ => Salt.Generate()).ToArray();

        Assert.Equal(salts.Length, salts.Distinct().Count());
        Assert.All(salts, salt => Assert.NotEqual(default, salt));
    }

    [Fact]
    public void Parse_and_ToString_round_trip_in_lower_case()
    {
        var salt = Salt.Parse(Counting.ToUpperInvariant());

        Assert.Equal(Counting, salt.ToString());
        Assert.Equal(Convert.FromHexString(Counting), salt.ToArray());
    }

    [Fact]
    public void A_generated_salt_survives_printing_and_parsing()
    {
        var salt = Salt.Generate();

        Assert.Equal(salt, Salt.Parse(salt.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021")]
    [InlineData("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")]
    [InlineData("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fzz")]
    public void Parse_rejects_anything_but_64_hex_digits(string text)
    {
        Assert.False(Salt.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Salt.Parse(text));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void Constructor_rejects_a_value_that_is_not_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => new Salt(new byte[length]));
    }

    [Fact]
    public void CopyTo_rejects_a_destination_shorter_than_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => Salt.Generate().CopyTo(new byte[16]));
    }

    [Fact]
    public void Salts_compare_by_value()
    {
        var a = Salt.Parse(Counting);
        var same = new Salt(Convert.FromHexString(Counting));
        var other = Salt.Generate();

        Assert.True(a == same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.True(a != other);
        Assert.False(a.Equals((object)Digest.Parse(Counting)));
    }
}
