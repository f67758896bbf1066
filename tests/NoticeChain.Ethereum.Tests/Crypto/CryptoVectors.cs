using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Crypto;

/// <summary>
/// Reads the key, signature and transaction vector files under <c>Vectors/</c>. Every file records where
/// its data came from in a <c>_source</c> field.
/// </summary>
internal static class CryptoVectors
{
    /// <summary>The secp256k1 group order n (SEC 2 v2, section 2.4.1).</summary>
    public static readonly BigInteger Order = ParseHexInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    public static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", file)));
        return document.RootElement.Clone();
    }

    /// <summary>The elements of <c>vectors</c> under the given path, e.g. <c>("secp256k1.json", "addresses")</c>.</summary>
    public static JsonElement[] Vectors(string file, string section) =>
        Load(file).GetProperty(section).GetProperty("vectors").EnumerateArray().ToArray();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static byte[] Bytes(this JsonElement element, string property) => Hex.Decode(element.Text(property));

    /// <summary>A decimal integer written as a JSON string or number.</summary>
    public static BigInteger Integer(this JsonElement element, string property)
    {
        var value = element.GetProperty(property);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return BigInteger.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A non-negative integer as 32 big-endian bytes.</summary>
    public static byte[] ToBytes32(BigInteger value)
    {
        var bytes = new byte[32];
        var magnitude = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        magnitude.CopyTo(bytes, 32 - magnitude.Length);
        return bytes;
    }

    public static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static BigInteger ParseHexInteger(string hex) => ToInteger(Hex.Decode(hex));
}
