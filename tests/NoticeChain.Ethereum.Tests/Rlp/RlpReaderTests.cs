using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Tests.Rlp;

public sealed class RlpReaderTests
{
    public static TheoryData<int> Seeds => RlpTrees.Seeds();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Truncations_of_a_valid_encoding_throw_RlpException(int seed)
    {
        var random = new Random(seed);
        var encoded = RlpTrees.Random(random).Encode();

        foreach (int length in TruncatedLengths(encoded.Length, random))
        {
            var prefix = encoded.AsSpan(0, length).ToArray();
            Assert.Throws<RlpException>(() => RlpReader.Decode(prefix));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Trailing_bytes_after_a_valid_encoding_are_rejected(int seed)
    {
        var random = new Random(seed);
        var encoded = RlpTrees.Random(random).Encode();
        var withTrailing = new byte[encoded.Length + 1 + random.Next(3)];
        encoded.CopyTo(withTrailing, 0);

        var exception = Assert.Throws<RlpException>(() => RlpReader.Decode(withTrailing));

        Assert.Contains("trailing", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0xbb7fffffff0102030405")]
    [InlineData("0xfb7fffffff0102030405")]
    [InlineData("0xbb8000000001020304050607")]
    [InlineData("0xbfffffffffffffffff01")]
    [InlineData("0xffffffffffffffffff01")]
    public void Declared_length_beyond_the_input_throws_without_allocating_it(string hex)
    {
        var hostile = Hex.Decode(hex);
        Assert.Throws<RlpException>(() => RlpReader.Decode(hostile));

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<RlpException>(() => RlpReader.Decode(hostile));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1 << 20, $"Decoding a 10-byte hostile input allocated {allocated} bytes.");
    }

    [Fact]
    public void Nesting_of_exactly_MaxDepth_lists_is_accepted()
    {
        var encoded = Nested(RlpReader.MaxDepth).Encode();

        var decoded = RlpReader.Decode(encoded);

        Assert.Equal(encoded, decoded.Encode());
    }

    [Fact]
    public void Nesting_deeper_than_MaxDepth_throws_RlpException()
    {
        var encoded = Nested(RlpReader.MaxDepth + 1).Encode();

        Assert.Throws<RlpException>(() => RlpReader.Decode(encoded));
    }

    [Fact]
    public void Very_deep_nesting_throws_RlpException_instead_of_overflowing_the_stack()
    {
        var encoded = NestedEncoding(100_000);

        Assert.Throws<RlpException>(() => RlpReader.Decode(encoded));
    }

    [Fact]
    public void Empty_input_throws_RlpException()
    {
        Assert.Throws<RlpException>(() => RlpReader.Decode([]));
    }

    [Theory]
    [InlineData("0x81")]
    [InlineData("0xa0000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e")]
    [InlineData("0xc5010203")]
    [InlineData("0xe201020304050607")]
    [InlineData("0xba010000aabbccddeeff")]
    [InlineData("0xb840ffeeddccbbaa99887766554433221100")]
    [InlineData("0xf90180")]
    [InlineData("0xf9ffff")]
    [InlineData("0xc2c201")]
    public void Payload_shorter_than_its_declared_length_throws_RlpException(string hex)
    {
        var encoded = Hex.Decode(hex);

        Assert.Throws<RlpException>(() => RlpReader.Decode(encoded));
    }

    [Theory]
    [InlineData("0x8100")]
    [InlineData("0xc28100")]
    [InlineData("0xb80100")]
    [InlineData("0xf800")]
    [InlineData("0xb9000100")]
    [InlineData("0xb837", 55)]
    [InlineData("0xf837", 55)]
    public void Non_canonical_headers_throw_RlpException(string header, int zeroPayloadBytes = 0)
    {
        var encoded = WithZeroPayload(header, zeroPayloadBytes);

        Assert.Throws<RlpException>(() => RlpReader.Decode(encoded));
    }

    [Theory]
    [InlineData("0x8180")]
    [InlineData("0xb7", 55)]
    [InlineData("0xb838", 56)]
    [InlineData("0xc0")]
    [InlineData("0x80")]
    public void Canonical_boundary_encodings_are_accepted(string header, int zeroPayloadBytes = 0)
    {
        var encoded = WithZeroPayload(header, zeroPayloadBytes);

        Assert.Equal(encoded, RlpReader.Decode(encoded).Encode());
    }

    /// <summary>Every length near either end of the encoding (where headers live) and a sample in between.</summary>
    private static IEnumerable<int> TruncatedLengths(int fullLength, Random random)
    {
        const int edge = 80;
        if (fullLength <= 2 * edge)
        {
            return Enumerable.Range(0, fullLength);
        }

        return Enumerable.Range(0, edge)
            .Concat(Enumerable.Range(fullLength - edge, edge))
            .Concat(Enumerable.Range(0, 100).Select(_ => random.Next(edge, fullLength - edge)));
    }

    private static byte[] WithZeroPayload(string headerHex, int zeroPayloadBytes)
    {
        var header = Hex.Decode(headerHex);
        var encoded = new byte[header.Length + zeroPayloadBytes];
        header.CopyTo(encoded, 0);
        return encoded;
    }

    /// <summary>Nested empty lists built from the inside out, without the writer's recursion.</summary>
    private static byte[] NestedEncoding(int lists)
    {
        var headers = new List<byte[]>(lists);
        int length = 1;
        for (int i = 1; i < lists; i++)
        {
            var header = ListHeader(length);
            headers.Add(header);
            length += header.Length;
        }

        var encoded = new byte[length];
        int offset = 0;
        for (int i = headers.Count - 1; i >= 0; i--)
        {
            headers[i].CopyTo(encoded, offset);
            offset += headers[i].Length;
        }

        encoded[offset] = 0xc0;
        return encoded;
    }

    private static byte[] ListHeader(int payloadLength)
    {
        if (payloadLength <= 55)
        {
            return [(byte)(0xc0 + payloadLength)];
        }

        var lengthBytes = RlpItem.FromUInt64((ulong)payloadLength).Bytes.ToArray();
        return [(byte)(0xf7 + lengthBytes.Length), .. lengthBytes];
    }

    private static RlpItem Nested(int lists)
    {
        var item = RlpItem.List();
        for (int i = 1; i < lists; i++)
        {
            item = RlpItem.List(item);
        }

        return item;
    }
}
