using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Crypto;

public sealed class PublicKeyTests
{
    // go-ethereum crypto/crypto_test.go TestUnmarshalPubkey.
    private const string Uncompressed =
        "0x04760c4460e5336ac9bbd87952a3c7ec4363fc0a97bd31c86430806e287b437fd1b01abc6e1db640cf3106b520344af1d58b00b57823db3e1407cbc433e1b6d04d";

    // The generator point G of secp256k1 (SEC 2 v2, section 2.4.1) is the public key of the private key 1.
    private const string Generator =
        "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    [Fact]
    public void FromUncompressed_and_FromXY_read_the_same_point()
    {
        var bytes = Hex.Decode(Uncompressed);

        var fromUncompressed = PublicKey.FromUncompressed(bytes);
        var fromXY = PublicKey.FromXY(bytes.AsSpan(1));

        Assert.Equal(fromUncompressed, fromXY);
        Assert.Equal(bytes, fromXY.ToUncompressed());
        Assert.Equal(bytes[1..], fromXY.ToXY());
        Assert.Equal(Uncompressed, fromXY.ToString());
    }

    [Fact]
    public void Parse_accepts_both_hex_forms()
    {
        Assert.Equal(PublicKey.Parse(Uncompressed), PublicKey.Parse("0x" + Uncompressed[4..]));
    }

    [Fact]
    public void Private_key_one_has_the_generator_as_public_key()
    {
        using var one = PrivateKey.FromHex("0x0000000000000000000000000000000000000000000000000000000000000001");

        Assert.Equal(Generator, one.PublicKey.ToString());
    }

    [Fact]
    public void Address_is_the_last_20_bytes_of_the_keccak_of_x_and_y()
    {
        var key = PublicKey.Parse(Uncompressed);

        var hash = Keccak256.Hash(key.ToXY());

        Assert.Equal(new Address(hash.AsSpan(12)), key.Address);
    }

    [Fact]
    public void FromXY_rejects_a_point_not_on_the_curve()
    {
        var bytes = Hex.Decode(Uncompressed)[1..];
        bytes[^1] ^= 0x01;

        Assert.Throws<ArgumentException>(() => PublicKey.FromXY(bytes));
    }

    [Fact]
    public void FromXY_rejects_coordinates_not_below_the_field_prime()
    {
        var bytes = new byte[64];
        bytes.AsSpan().Fill(0xff);

        Assert.Throws<ArgumentException>(() => PublicKey.FromXY(bytes));
    }

    [Fact]
    public void FromXY_rejects_all_zero_coordinates()
    {
        Assert.Throws<ArgumentException>(() => PublicKey.FromXY(new byte[64]));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    public void FromXY_rejects_a_length_other_than_64(int length)
    {
        Assert.Throws<ArgumentException>(() => PublicKey.FromXY(new byte[length]));
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x03)]
    [InlineData(0x00)]
    public void FromUncompressed_rejects_a_prefix_other_than_04(byte prefix)
    {
        var bytes = Hex.Decode(Uncompressed);
        bytes[0] = prefix;

        Assert.Throws<ArgumentException>(() => PublicKey.FromUncompressed(bytes));
    }

    [Fact]
    public void Parse_rejects_a_compressed_key()
    {
        Assert.Throws<FormatException>(() => PublicKey.Parse("0x02e32df42865e97135acfb65f3bae71bdc86f4d49150ad6a440b6f15878109880a"));
    }

    [Fact]
    public void Copies_reject_short_destinations()
    {
        var key = PublicKey.Parse(Uncompressed);

        Assert.Throws<ArgumentException>(() => key.CopyTo(new byte[63]));
        Assert.Throws<ArgumentException>(() => key.CopyUncompressedTo(new byte[64]));
    }

    [Fact]
    public void Equal_keys_have_equal_hash_codes()
    {
        var first = PublicKey.Parse(Uncompressed);
        var second = PublicKey.Parse(Uncompressed);

        Assert.True(first.Equals(second));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.False(first.Equals(null));
    }
}
