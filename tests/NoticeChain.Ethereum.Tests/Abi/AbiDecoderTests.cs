using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiDecoderTests
{
    private const string Examples = "abi_spec_examples.json";
    private const string Invalid = "abi_invalid_encodings.json";

    public static TheoryData<string> SpecCalls => AbiTestValues.Keys(Examples, "calls", "declaration");

    public static TheoryData<string> InvalidEncodings => AbiTestValues.Keys(Invalid, "invalid", "description");

    [Theory]
    [MemberData(nameof(SpecCalls))]
    public void Decode_reads_the_arguments_of_the_spec_example(string declaration)
    {
        var vector = AbiTestValues.Find(Examples, "calls", "declaration", declaration);
        var types = AbiFunction.Parse(declaration).InputTypes;
        var expected = AbiTestValues.FromJson(types, vector.GetProperty("args"));

        var decoded = AbiDecoder.Decode(types, Hex.Decode(vector.GetProperty("callData").GetString()!).AsSpan(4));

        AbiTestValues.AssertAbiEqual(expected, decoded);
    }

    [Theory]
    [MemberData(nameof(InvalidEncodings))]
    public void Decode_rejects_malformed_encoding(string description)
    {
        var vector = AbiTestValues.Find(Invalid, "invalid", "description", description);
        var types = vector.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToArray();
        var data = Hex.Decode(vector.GetProperty("data").GetString()!);

        Assert.Throws<AbiException>(() => AbiDecoder.Decode(types, data));
    }

    [Fact]
    public void Decode_returns_the_documented_representation_for_each_kind()
    {
        var types = AbiFunction.Parse("f(uint8,int8,address,bool,bytes2,bytes,string,uint8[],(bool))").InputTypes;
        var address = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        object?[] values = [7, -7, address, true, new byte[] { 1, 2 }, new byte[] { 3 }, "Bescheid", new object[] { 1 }, new object[] { false }];

        var decoded = AbiDecoder.Decode(types, AbiEncoder.Encode(types, values));

        Assert.Equal(new BigInteger(7), Assert.IsType<BigInteger>(decoded[0]));
        Assert.Equal(new BigInteger(-7), Assert.IsType<BigInteger>(decoded[1]));
        Assert.Equal(address, Assert.IsType<Address>(decoded[2]));
        Assert.True(Assert.IsType<bool>(decoded[3]));
        Assert.Equal(new byte[] { 1, 2 }, Assert.IsType<byte[]>(decoded[4]));
        Assert.Equal(new byte[] { 3 }, Assert.IsType<byte[]>(decoded[5]));
        Assert.Equal("Bescheid", Assert.IsType<string>(decoded[6]));
        Assert.Equal(new BigInteger(1), Assert.Single(Assert.IsType<object?[]>(decoded[7])));
        Assert.Equal(false, Assert.Single(Assert.IsType<object?[]>(decoded[8])));
    }

    [Theory]
    [InlineData("uint8")]
    [InlineData("uint32")]
    [InlineData("uint248")]
    [InlineData("address")]
    [InlineData("bool")]
    [InlineData("bytes1")]
    [InlineData("bytes31")]
    public void Decode_rejects_any_dirty_padding_byte_of_a_zero_padded_word(string typeText)
    {
        var type = AbiType.Parse(typeText);
        int valueBytes = type.Kind switch
        {
            AbiTypeKind.UnsignedInteger => type.Bits / 8,
            AbiTypeKind.Address => 20,
            AbiTypeKind.Bool => 1,
            _ => type.ByteLength,
        };
        bool leftPadded = type.Kind != AbiTypeKind.FixedBytes;
        var clean = new byte[32];

        for (int padding = 0; padding < 32 - valueBytes; padding++)
        {
            var dirty = (byte[])clean.Clone();
            dirty[leftPadded ? padding : 31 - padding] = 0x01;

            Assert.Throws<AbiException>(() => AbiDecoder.Decode([type], dirty));
        }

        AbiDecoder.Decode([type], clean);
    }

    [Fact]
    public void Decode_rejects_a_bool_word_other_than_0_or_1()
    {
        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Bool], AbiTestValues.Word(2)));
        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Bool], AbiTestValues.Word(255)));
    }

    [Fact]
    public void Decode_rejects_a_signed_integer_whose_high_bytes_are_not_its_sign_extension()
    {
        var negative = Enumerable.Repeat((byte)0xff, 32).ToArray();
        negative[0] = 0xfe;
        var positive = AbiTestValues.Word(0x80);

        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Int(8)], negative));
        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Int(8)], positive));
        Assert.Equal(new BigInteger(128), AbiDecoder.Decode([AbiType.Int(16)], positive)[0]);
    }

    [Fact]
    public void Decode_ignores_bytes_after_the_encoding()
    {
        var data = AbiEncoder.Encode([AbiType.UInt256], [5]).Concat(new byte[7]).ToArray();

        Assert.Equal(new BigInteger(5), AbiDecoder.Decode([AbiType.UInt256], data)[0]);
    }

    [Fact]
    public void Decode_follows_offsets_that_are_not_minimal()
    {
        byte[] data = [.. AbiTestValues.Word(0x40), .. new byte[32], .. AbiTestValues.Word(1), .. new byte[] { 0x61 }, .. new byte[31]];

        Assert.Equal("a", AbiDecoder.Decode([AbiType.String], data)[0]);
    }

    [Fact]
    public void Decode_of_no_types_is_empty_whatever_the_data()
    {
        Assert.Empty(AbiDecoder.Decode([], new byte[3]));
    }

    [Fact]
    public void Decode_rejects_overlapping_offsets_that_would_expand_far_beyond_the_input()
    {
        const int count = 600;
        var data = new List<byte>();
        data.AddRange(AbiTestValues.Word(0x20));
        data.AddRange(AbiTestValues.Word(count));
        for (int i = 0; i < count; i++)
        {
            data.AddRange(AbiTestValues.Word(count * 32));
        }

        data.AddRange(AbiTestValues.Word(count));
        for (int i = 0; i < count; i++)
        {
            data.AddRange(AbiTestValues.Word(i));
        }

        var error = Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Parse("uint256[][]")], data.ToArray()));

        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_rejects_aliased_byte_strings_that_would_be_copied_far_beyond_the_input()
    {
        const int count = 1000;
        const int length = 32 * 1024;
        var data = new List<byte>();
        data.AddRange(AbiTestValues.Word(0x20));
        data.AddRange(AbiTestValues.Word(count));
        for (int i = 0; i < count; i++)
        {
            data.AddRange(AbiTestValues.Word(count * 32));
        }

        data.AddRange(AbiTestValues.Word(length));
        data.AddRange(new byte[length]);

        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Parse("bytes[]")], data.ToArray()));
    }

    [Theory]
    [InlineData("bytes[]")]
    [InlineData("string[]")]
    public void Decode_rejects_even_two_references_to_one_large_byte_string(string typeText)
    {
        const int length = 32 * 1024;
        var data = new List<byte>();
        data.AddRange(AbiTestValues.Word(0x20));
        data.AddRange(AbiTestValues.Word(2));
        data.AddRange(AbiTestValues.Word(2 * 32));
        data.AddRange(AbiTestValues.Word(2 * 32));
        data.AddRange(AbiTestValues.Word(length));
        data.AddRange(Enumerable.Repeat((byte)'a', length));

        var error = Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Parse(typeText)], data.ToArray()));

        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bytes[]")]
    [InlineData("string[]")]
    public void Decode_accepts_large_byte_strings_that_each_have_their_own_bytes(string typeText)
    {
        var type = AbiType.Parse(typeText);
        var blob = new string('a', 32 * 1024);
        object?[] value = type.ElementType!.Kind == AbiTypeKind.String
            ? [blob, blob, blob]
            : [System.Text.Encoding.ASCII.GetBytes(blob), System.Text.Encoding.ASCII.GetBytes(blob), System.Text.Encoding.ASCII.GetBytes(blob)];

        var decoded = AbiDecoder.Decode([type], AbiEncoder.Encode([type], [value]));

        AbiTestValues.AssertAbiEqual(new object?[] { value }, decoded);
    }

    [Fact]
    public void Decode_handles_nesting_at_the_depth_limit()
    {
        var type = AbiType.Bool;
        object? value = true;
        for (int depth = 1; depth < AbiType.MaxDepth; depth++)
        {
            type = AbiType.ArrayOf(type);
            value = new[] { value };
        }

        var decoded = AbiDecoder.Decode([type], AbiEncoder.Encode([type], [value]));

        AbiTestValues.AssertAbiEqual(new[] { value }, decoded);
    }
}
