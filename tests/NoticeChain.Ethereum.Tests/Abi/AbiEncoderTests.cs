using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiEncoderTests
{
    private const string Examples = "abi_spec_examples.json";

    public static TheoryData<string> SpecCalls => AbiTestValues.Keys(Examples, "calls", "declaration");

    [Theory]
    [MemberData(nameof(SpecCalls))]
    public void Encode_matches_the_argument_encoding_of_the_spec_example(string declaration)
    {
        var vector = AbiTestValues.Find(Examples, "calls", "declaration", declaration);
        var types = AbiFunction.Parse(declaration).InputTypes;
        var args = AbiTestValues.FromJson(types, vector.GetProperty("args"));

        var encoded = AbiEncoder.Encode(types, args);

        Assert.Equal("0x" + vector.GetProperty("callData").GetString()![10..], Hex.Encode(encoded));
    }

    [Fact]
    public void Encode_of_no_values_is_empty()
    {
        Assert.Empty(AbiEncoder.Encode([], []));
    }

    [Theory]
    [InlineData("int256", "-1", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int16", "-2", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe")]
    [InlineData("int8", "-128", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int8", "127", "000000000000000000000000000000000000000000000000000000000000007f")]
    [InlineData("uint8", "255", "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639935", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int256", "-57896044618658097711785492504343953926634992332820282019728792003956564819968", "8000000000000000000000000000000000000000000000000000000000000000")]
    public void Encode_pads_integers_to_a_word_with_sign_extension(string type, string value, string expectedWord)
    {
        var encoded = AbiEncoder.Encode([AbiType.Parse(type)], [BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(expectedWord, Hex.Encode(encoded, prefix: false));
    }

    [Theory]
    [InlineData("uint8", "256")]
    [InlineData("uint8", "-1")]
    [InlineData("uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("int8", "128")]
    [InlineData("int8", "-129")]
    [InlineData("uint160", "1461501637330902918203684832716283019655932542976")]
    public void Encode_rejects_integers_outside_the_range_of_their_bits(string type, string value)
    {
        var error = Assert.Throws<AbiException>(() =>
            AbiEncoder.Encode([AbiType.Parse(type)], [BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)]));

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_accepts_built_in_integer_types_as_integers()
    {
        var expected = AbiEncoder.Encode([AbiType.UInt256], [new BigInteger(69)]);

        Assert.Equal(expected, AbiEncoder.Encode([AbiType.UInt256], [69]));
        Assert.Equal(expected, AbiEncoder.Encode([AbiType.UInt256], [69UL]));
        Assert.Equal(expected, AbiEncoder.Encode([AbiType.UInt256], [(byte)69]));
        Assert.Equal(expected, AbiEncoder.Encode([AbiType.UInt256], [(Int128)69]));
    }

    [Fact]
    public void Encode_writes_an_address_right_aligned()
    {
        var address = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        var encoded = AbiEncoder.Encode([AbiType.Address], [address]);

        Assert.Equal("0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed", Hex.Encode(encoded, prefix: false));
    }

    [Fact]
    public void Encode_accepts_read_only_memory_for_bytes()
    {
        var fromArray = AbiEncoder.Encode([AbiType.Bytes, AbiType.FixedBytes(2)], [new byte[] { 1, 2, 3 }, new byte[] { 9, 8 }]);
        var fromMemory = AbiEncoder.Encode(
            [AbiType.Bytes, AbiType.FixedBytes(2)],
            [new ReadOnlyMemory<byte>([1, 2, 3]), new ReadOnlyMemory<byte>([9, 8])]);

        Assert.Equal(fromArray, fromMemory);
    }

    [Fact]
    public void Encode_accepts_any_list_for_arrays_and_tuples()
    {
        var fromObjects = AbiEncoder.Encode([AbiType.Parse("uint8[]")], [new object[] { 1, 2 }]);
        var fromList = AbiEncoder.Encode([AbiType.Parse("uint8[]")], [new List<BigInteger> { 1, 2 }]);

        Assert.Equal(fromObjects, fromList);
    }

    public static TheoryData<string, object?> WrongValues => new()
    {
        { "uint256", "1" },
        { "uint256", 1.0 },
        { "uint256", null },
        { "bool", 1 },
        { "address", new byte[20] },
        { "address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" },
        { "bytes3", new byte[2] },
        { "bytes3", new byte[4] },
        { "bytes", "dave" },
        { "string", new byte[] { 0x61 } },
        { "uint8[2]", new object[] { 1 } },
        { "uint8[2]", new object[] { 1, 2, 3 } },
        { "(uint8,bool)", new object[] { 1 } },
        { "uint8[]", 1 },
        { "uint8[]", new object[] { 256 } },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void Encode_rejects_a_value_that_does_not_fit_its_type(string type, object? value)
    {
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [value]));
    }

    [Fact]
    public void Encode_rejects_a_string_with_an_unpaired_surrogate()
    {
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.String], ["Bescheid \ud800"]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.String], ["\udc00"]));
    }

    [Fact]
    public void Encode_rejects_a_value_count_that_differs_from_the_type_count()
    {
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Bool, AbiType.Bool], [true]));
    }

    [Fact]
    public void Encode_error_names_the_argument_and_its_type()
    {
        var error = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Bool, AbiType.UInt(8)], [true, 300]));

        Assert.StartsWith("Argument 1 (uint8):", error.Message, StringComparison.Ordinal);
    }
}
