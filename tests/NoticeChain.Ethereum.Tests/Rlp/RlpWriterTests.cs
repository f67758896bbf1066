using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Tests.Rlp;

public sealed class RlpWriterTests
{
    public static TheoryData<int> Seeds => RlpTrees.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Encode_decode_encode_is_the_identity(int seed)
    {
        var tree = RlpTrees.Random(new Random(seed));

        var encoded = RlpWriter.Encode(tree);
        var decoded = RlpReader.Decode(encoded);

        RlpTrees.AssertSame(tree, decoded);
        Assert.Equal(encoded, RlpWriter.Encode(decoded));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EncodedLength_equals_the_length_of_the_encoding(int seed)
    {
        var tree = RlpTrees.Random(new Random(seed));

        Assert.Equal(RlpWriter.Encode(tree).Length, RlpWriter.EncodedLength(tree));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(256)]
    public void EncodeBytes_equals_encoding_a_byte_string_item(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        Assert.Equal(RlpItem.FromBytes(bytes).Encode(), RlpWriter.EncodeBytes(bytes));
    }

    [Fact]
    public void A_string_of_56_bytes_uses_the_long_form_header()
    {
        var encoded = RlpWriter.EncodeBytes(new byte[56]);

        Assert.Equal([0xb8, 56], encoded[..2]);
        Assert.Equal(58, encoded.Length);
    }
}
