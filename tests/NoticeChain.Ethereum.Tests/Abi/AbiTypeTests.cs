using NoticeChain.Ethereum.Abi;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiTypeTests
{
    private const string Vectors = "abi_types.json";

    public static TheoryData<string> ValidTypes => AbiTestValues.Keys(Vectors, "valid", "text");

    public static TheoryData<string> InvalidTypes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var text in AbiTestValues.Load(Vectors).GetProperty("invalid").EnumerateArray())
            {
                data.Add(text.GetString()!);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ValidTypes))]
    public void Parse_reads_valid_type_strings_into_their_canonical_form(string text)
    {
        var vector = AbiTestValues.Find(Vectors, "valid", "text", text);

        var type = AbiType.Parse(text);

        Assert.Equal(vector.GetProperty("canonical").GetString(), type.CanonicalName);
        Assert.Equal(vector.GetProperty("dynamic").GetBoolean(), type.IsDynamic);
        Assert.Equal(vector.GetProperty("headSize").GetInt32(), type.HeadSize);
        Assert.Equal(type, AbiType.Parse(type.CanonicalName));
        Assert.Equal(type.CanonicalName, type.ToString());
    }

    [Theory]
    [MemberData(nameof(InvalidTypes))]
    public void Parse_rejects_invalid_type_strings(string text)
    {
        Assert.Throws<AbiException>(() => AbiType.Parse(text));
        Assert.False(AbiType.TryParse(text, out var type));
        Assert.Null(type);
    }

    [Fact]
    public void Parse_rejection_names_the_text_and_position()
    {
        var error = Assert.Throws<AbiException>(() => AbiType.Parse("(uint256,uint7)"));

        Assert.Contains("(uint256,uint7)", error.Message, StringComparison.Ordinal);
        Assert.Contains("position 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_build_the_same_types_as_parsing()
    {
        var built = AbiType.ArrayOf(AbiType.Tuple(AbiType.UInt256, AbiType.FixedArrayOf(AbiType.FixedBytes(3), 2), AbiType.String));

        Assert.Equal(AbiType.Parse("(uint256,bytes3[2],string)[]"), built);
        Assert.Equal("(uint256,bytes3[2],string)[]", built.CanonicalName);
    }

    [Fact]
    public void Parts_of_a_type_are_exposed()
    {
        var type = AbiType.Parse("bytes3[2]");

        Assert.Equal(AbiTypeKind.FixedArray, type.Kind);
        Assert.Equal(2, type.ArrayLength);
        Assert.Equal(AbiTypeKind.FixedBytes, type.ElementType!.Kind);
        Assert.Equal(3, type.ElementType.ByteLength);
        Assert.Equal(24, AbiType.Int(24).Bits);
        Assert.Equal(new[] { AbiType.Bool, AbiType.Address }, AbiType.Parse("(bool,address)").Components);
    }

    [Fact]
    public void Equality_follows_the_canonical_name()
    {
        Assert.True(AbiType.Parse("uint") == AbiType.UInt256);
        Assert.Equal(AbiType.Parse("uint").GetHashCode(), AbiType.UInt256.GetHashCode());
        Assert.True(AbiType.Parse("int") != AbiType.UInt256);
        Assert.False(AbiType.Bytes.Equals(null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(264)]
    public void Integer_factories_reject_invalid_bit_widths(int bits)
    {
        Assert.Throws<AbiException>(() => AbiType.UInt(bits));
        Assert.Throws<AbiException>(() => AbiType.Int(bits));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void FixedBytes_rejects_lengths_outside_1_to_32(int length)
    {
        Assert.Throws<AbiException>(() => AbiType.FixedBytes(length));
    }

    [Fact]
    public void FixedArrayOf_rejects_a_negative_length_and_an_oversized_static_head()
    {
        Assert.Throws<AbiException>(() => AbiType.FixedArrayOf(AbiType.Bool, -1));
        Assert.Throws<AbiException>(() => AbiType.FixedArrayOf(AbiType.FixedArrayOf(AbiType.UInt256, 65536), 65536));
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_rejected_however_the_type_is_built()
    {
        var type = AbiType.Bool;
        for (int depth = 1; depth < AbiType.MaxDepth; depth++)
        {
            type = AbiType.ArrayOf(type);
        }

        Assert.Throws<AbiException>(() => AbiType.Tuple(type));
    }
}
