using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class QuantityTests
{
    public static TheoryData<string, bool, string?, bool> SpecQuantities()
    {
        var data = new TheoryData<string, bool, string?, bool>();
        foreach (var vector in HexEncodingVectors.Load().GetProperty("quantity").EnumerateArray())
        {
            var accepted = vector.GetProperty("accepted").GetBoolean();
            data.Add(
                vector.GetProperty("text").GetString()!,
                accepted,
                accepted ? vector.GetProperty("value").GetString() : null,
                accepted && vector.GetProperty("canonical").GetBoolean());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecQuantities))]
    public void Parsing_follows_the_spec_examples_except_that_leading_zeros_are_tolerated(
        string text, bool accepted, string? value, bool canonical)
    {
        Assert.Equal(accepted, Quantity.TryParseUInt64(text, out var parsed64));
        Assert.Equal(accepted, Quantity.TryParseBigInteger(text, out var parsedBig));
        Assert.Equal(canonical, Quantity.IsCanonical(text));
        if (accepted)
        {
            Assert.Equal(BigInteger.Parse(value!, CultureInfo.InvariantCulture), parsedBig);
            Assert.Equal(ulong.Parse(value!, CultureInfo.InvariantCulture), parsed64);
        }
        else
        {
            Assert.Throws<FormatException>(() => Quantity.ParseUInt64(text));
            Assert.Throws<FormatException>(() => Quantity.ParseBigInteger(text));
        }
    }

    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(65UL, "0x41")]
    [InlineData(1024UL, "0x400")]
    [InlineData(ulong.MaxValue, "0xffffffffffffffff")]
    public void Format_of_ulong_is_canonical(ulong value, string expected)
    {
        Assert.Equal(expected, Quantity.Format(value));
        Assert.True(Quantity.IsCanonical(expected));
    }

    [Theory]
    [InlineData("0", "0x0")]
    [InlineData("255", "0xff")]
    [InlineData("128", "0x80")]
    [InlineData("1024", "0x400")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Format_of_BigInteger_has_no_leading_zero_even_when_the_top_bit_is_set(string value, string expected)
    {
        Assert.Equal(expected, Quantity.Format(BigInteger.Parse(value, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Format_rejects_a_negative_BigInteger()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Format(BigInteger.MinusOne));
    }

    [Fact]
    public void ParseUInt64_rejects_a_value_above_64_bits_but_not_a_64_bit_value_with_leading_zeros()
    {
        Assert.Throws<FormatException>(() => Quantity.ParseUInt64("0x10000000000000000"));
        Assert.Equal(ulong.MaxValue, Quantity.ParseUInt64("0x0000ffffffffffffffff"));
    }

    [Fact]
    public void ParseBigInteger_caps_at_256_bits()
    {
        var max = BigInteger.Pow(2, 256) - 1;

        Assert.Equal(max, Quantity.ParseBigInteger("0x" + new string('f', 64)));
        Assert.Throws<FormatException>(() => Quantity.ParseBigInteger("0x1" + new string('0', 64)));
    }

    [Fact]
    public void ParseBigInteger_reads_a_top_bit_digit_as_positive()
    {
        Assert.Equal(new BigInteger(0x80), Quantity.ParseBigInteger("0x80"));
        Assert.Equal(new BigInteger(0xf), Quantity.ParseBigInteger("0xf"));
    }

    [Fact]
    public void Parse_rejects_null_with_a_format_exception()
    {
        Assert.False(Quantity.TryParseUInt64(null, out _));
        Assert.Throws<FormatException>(() => Quantity.ParseBigInteger(null));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0x7a69UL)]
    [InlineData(ulong.MaxValue)]
    public void Format_then_parse_is_identity(ulong value)
    {
        Assert.Equal(value, Quantity.ParseUInt64(Quantity.Format(value)));
        Assert.Equal(new BigInteger(value), Quantity.ParseBigInteger(Quantity.Format(new BigInteger(value))));
    }
}

/// <summary>Reads Vectors/rpc/hex-encoding.json (the spec's hex encoding examples).</summary>
internal static class HexEncodingVectors
{
    public static JsonElement Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "rpc", "hex-encoding.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
