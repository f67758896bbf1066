using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests.Merkle;

public sealed class MerkleHashTests
{
    private const string Root = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    [Fact]
    public void Parse_and_ToString_round_trip_in_lower_case()
    {
        var hash = MerkleHash.Parse(Root.ToUpperInvariant());

        Assert.Equal(Root, hash.ToString());
        Assert.Equal(Convert.FromHexString(Root), hash.ToArray());
        Assert.Equal(hash, new MerkleHash(Convert.FromHexString(Root)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5dc9")]
    [InlineData("0x5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    [InlineData("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff460432")]
    [InlineData("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff460432x")]
    public void Parse_rejects_anything_but_64_hex_digits(string text)
    {
        Assert.False(MerkleHash.TryParse(text, out _));
        Assert.Throws<FormatException>(() => MerkleHash.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(33)]
    public void Constructor_rejects_a_value_that_is_not_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => new MerkleHash(new byte[length]));
    }

    [Fact]
    public void CopyTo_rejects_a_destination_shorter_than_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => MerkleHash.Parse(Root).CopyTo(new byte[31]));
    }

    [Fact]
    public void Hashes_compare_by_value_and_never_equal_a_digest_of_the_same_bytes()
    {
        var hash = MerkleHash.Parse(Root);
        var same = MerkleHash.Parse(Root);
        var other = MerkleHash.Parse(new string('0', 64));

        Assert.True(hash == same);
        Assert.Equal(hash.GetHashCode(), same.GetHashCode());
        Assert.True(hash != other);
        Assert.Equal(default, other);
        Assert.False(hash.Equals((object)Digest.Parse(Root)));
    }
}
