using System.Diagnostics.CodeAnalysis;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The JSON-RPC <c>DATA</c> encoding of byte strings: <c>0x</c> followed by two hex digits per byte.</summary>
/// <remarks>
/// Stricter than <see cref="Hex"/>, which also accepts text without the prefix: on the wire the prefix is
/// mandatory (spec "hex value encoding": <c>004200</c> is wrong), so a value without it is a sign of a
/// confused node or caller and is rejected rather than guessed at. <c>0x</c> alone is the empty byte string.
/// </remarks>
public static class HexData
{
    /// <summary>Formats bytes as <c>0x</c>-prefixed lower-case hex.</summary>
    public static string Format(ReadOnlySpan<byte> bytes) => Hex.Encode(bytes);

    /// <summary>Parses a 0x-prefixed, even-length hex string.</summary>
    /// <exception cref="FormatException">The text is not valid DATA.</exception>
    public static byte[] Parse(string? text) =>
        TryParse(text, out var bytes)
            ? bytes
            : throw new FormatException($"Expected DATA: 0x followed by an even number of hexadecimal digits, got {Quantity.Describe(text)}.");

    /// <summary>Parses a 0x-prefixed, even-length hex string; false on any malformed input.</summary>
    /// <remarks>The text goes to <see cref="Hex.TryDecode(ReadOnlySpan{char}, out byte[])"/> whole, so exactly one prefix is stripped and <c>0x0x12</c> fails.</remarks>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        return text is not null && text.StartsWith("0x", StringComparison.Ordinal) && Hex.TryDecode(text, out bytes);
    }
}
