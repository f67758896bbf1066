using System.Diagnostics.CodeAnalysis;

namespace NoticeChain.Ethereum.Encoding;

/// <summary>
/// Strict hexadecimal codec for Ethereum data: lower-case output with a <c>0x</c> prefix,
/// input with or without the prefix, either case, and always an even number of digits.
/// </summary>
/// <remarks>
/// JSON-RPC "DATA" values are byte strings and must have an even number of digits; "QUANTITY" values
/// (compact, no leading zeros) are handled by the RPC layer, not here. Rejecting odd lengths and stray
/// characters here means a malformed value fails at the edge instead of being silently padded.
/// </remarks>
public static class Hex
{
    /// <summary>Encodes bytes as <c>0x</c>-prefixed lower-case hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true) =>
        prefix ? string.Concat("0x", Convert.ToHexStringLower(bytes)) : Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with an optional <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">The text is not an even-length hex string.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        if (!TryDecode(text, out var bytes))
        {
            throw new FormatException("Expected an even number of hexadecimal digits, optionally prefixed with 0x.");
        }

        return bytes;
    }

    /// <summary>Decodes hex with an optional <c>0x</c> prefix, returning false on any malformed input.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        var digits = StripPrefix(text);
        if ((digits.Length & 1) != 0)
        {
            return false;
        }

        var result = new byte[digits.Length / 2];
        if (!TryDecode(digits, result))
        {
            return false;
        }

        bytes = result;
        return true;
    }

    /// <summary>Decodes exactly <paramref name="destination"/>.Length bytes; false if the length or a digit is wrong.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var digits = StripPrefix(text);
        if (digits.Length != destination.Length * 2)
        {
            return false;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            int hi = Nibble(digits[2 * i]);
            int lo = Nibble(digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                return false;
            }

            destination[i] = (byte)((hi << 4) | lo);
        }

        return true;
    }

    /// <summary>Returns the text without a leading <c>0x</c> or <c>0X</c>.</summary>
    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text[2..] : text;

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
