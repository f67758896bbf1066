using System.Numerics;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Tests.Rlp;

public sealed class RlpItemTests
{
    [Theory]
    [InlineData(0UL, "0x80")]
    [InlineData(1UL, "0x01")]
    [InlineData(127UL, "0x7f")]
    [InlineData(128UL, "0x8180")]
    [InlineData(1000UL, "0x8203e8")]
    [InlineData(ulong.MaxValue, "0x88ffffffffffffffff")]
    public void FromUInt64_encodes_minimal_big_endian_bytes_and_reads_back(ulong value, string expected)
    {
        var encoded = RlpItem.FromUInt64(value).Encode();

        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(value, RlpReader.Decode(encoded).ToUInt64());
    }

    [Fact]
    public void FromBigInteger_round_trips_a_256_bit_value()
    {
        var value = BigInteger.Pow(2, 256) - 1;

        var decoded = RlpReader.Decode(RlpItem.FromBigInteger(value).Encode());

        Assert.Equal(value, decoded.ToBigInteger());
    }

    [Fact]
    public void FromBigInteger_rejects_a_negative_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpItem.FromBigInteger(BigInteger.MinusOne));
    }

    [Theory]
    [InlineData("0x00")]
    [InlineData("0x820001")]
    [InlineData("0x8400000001")]
    public void A_scalar_with_a_leading_zero_byte_is_rejected(string hex)
    {
        var item = RlpReader.Decode(Hex.Decode(hex));

        Assert.Throws<RlpException>(() => item.ToBigInteger());
        Assert.Throws<RlpException>(() => item.ToUInt64());
    }

    [Fact]
    public void ToUInt64_rejects_more_than_eight_bytes()
    {
        var item = RlpReader.Decode(Hex.Decode("0x89010000000000000000"));

        Assert.Throws<RlpException>(() => item.ToUInt64());
        Assert.Equal(BigInteger.Pow(2, 64), item.ToBigInteger());
    }

    [Fact]
    public void ToBigInteger_rejects_more_than_maxBytes()
    {
        var bigint = RlpReader.Decode(Hex.Decode("0xa1010000000000000000000000000000000000000000000000000000000000000000"));

        Assert.Throws<RlpException>(() => bigint.ToBigInteger());
        Assert.Equal(BigInteger.Pow(2, 256), bigint.ToBigInteger(maxBytes: 33));
    }

    [Fact]
    public void A_list_is_not_a_scalar()
    {
        var list = RlpReader.Decode(Hex.Decode("0xc0"));

        Assert.Throws<RlpException>(() => list.ToUInt64());
        Assert.Throws<RlpException>(() => list.ToBigInteger());
    }

    [Fact]
    public void FromBytes_copies_its_input()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var item = RlpItem.FromBytes(bytes);

        bytes[0] = 9;

        Assert.Equal([1, 2, 3], item.Bytes.ToArray());
    }
}
