using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

/// <summary>Loads the ABI vector files, turns their JSON values into ABI values, and compares ABI values deeply.</summary>
internal static class AbiTestValues
{
    public static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", file)));
        return document.RootElement.Clone();
    }

    public static JsonElement[] Section(string file, string section) => [.. Load(file).GetProperty(section).EnumerateArray()];

    /// <summary>The entry of a section whose <paramref name="key"/> property equals <paramref name="value"/>.</summary>
    public static JsonElement Find(string file, string section, string key, string value) =>
        Section(file, section).Single(entry => entry.GetProperty(key).GetString() == value);

    /// <summary>Each entry's <paramref name="key"/> as theory data.</summary>
    public static TheoryData<string> Keys(string file, string section, string key)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Section(file, section))
        {
            data.Add(entry.GetProperty(key).GetString()!);
        }

        return data;
    }

    /// <summary>
    /// A JSON value as the ABI value of <paramref name="type"/>: integers as numbers or 0x-hex strings, addresses as
    /// hex, bytes as 0x-hex or (like the spec's examples) plain ASCII text, arrays and tuples as JSON arrays.
    /// </summary>
    public static object? FromJson(AbiType type, JsonElement json) => type.Kind switch
    {
        AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger => Integer(json),
        AbiTypeKind.Bool => json.GetBoolean(),
        AbiTypeKind.Address => Address.Parse(json.GetString()!),
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => BytesOrText(json.GetString()!),
        AbiTypeKind.String => json.GetString(),
        _ => json.EnumerateArray().Select((member, i) => FromJson(type.Kind == AbiTypeKind.Tuple ? type.Components[i] : type.ElementType!, member)).ToArray(),
    };

    public static object?[] FromJson(IReadOnlyList<AbiType> types, JsonElement array) =>
        [.. array.EnumerateArray().Select((value, i) => FromJson(types[i], value))];

    /// <summary>Asserts two ABI values are equal: byte arrays by content, lists element by element, integers by value.</summary>
    public static void AssertAbiEqual(object? expected, object? actual)
    {
        switch (expected)
        {
            case byte[] bytes:
                Assert.Equal(Hex.Encode(bytes), Hex.Encode(Assert.IsType<byte[]>(actual)));
                break;
            case IList list:
                var other = Assert.IsType<object?[]>(actual);
                Assert.Equal(list.Count, other.Length);
                for (int i = 0; i < list.Count; i++)
                {
                    AssertAbiEqual(list[i], other[i]);
                }

                break;
            case int or long or uint or ulong or byte:
                Assert.Equal(BigInteger.Parse(Convert.ToString(expected, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture), Assert.IsType<BigInteger>(actual));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    public static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        var magnitude = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        magnitude.CopyTo(word, 32 - magnitude.Length);
        return word;
    }

    private static BigInteger Integer(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Number)
        {
            return BigInteger.Parse(json.GetRawText(), CultureInfo.InvariantCulture);
        }

        string text = json.GetString()!;
        return text.StartsWith("0x", StringComparison.Ordinal)
            ? new BigInteger(Hex.Decode(text.Length % 2 == 0 ? text : "0x0" + text[2..]), isUnsigned: true, isBigEndian: true)
            : BigInteger.Parse(text, CultureInfo.InvariantCulture);
    }

    private static byte[] BytesOrText(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Decode(text) : System.Text.Encoding.UTF8.GetBytes(text);
}
