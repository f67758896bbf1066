using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>
/// The JSON-RPC <c>QUANTITY</c> encoding of unsigned integers: <c>0x</c> followed by the most compact hex
/// digits, with zero written as <c>0x0</c>.
/// </summary>
/// <remarks>
/// <para>
/// The encoding is defined in the Ethereum JSON-RPC specification ("hex value encoding",
/// ethereum/execution-apis <c>uint</c>: <c>^0x([1-9a-f]+[0-9a-f]*|0)$</c>). Geth rejects quantities with
/// leading zeros in requests, so this class never emits them.
/// </para>
/// <para>
/// Decision on parsing: a quantity read from a node may carry leading zeros (<c>0x0400</c>). Some nodes and
/// proxies have emitted them in the past, and the value is unambiguous, so refusing it would turn a cosmetic
/// fault of the node into an outage of ours. Everything that could change the meaning is still rejected:
/// a missing <c>0x</c> prefix, no digits at all (<c>0x</c>), a sign, whitespace, a non-hex character, or a
/// value that does not fit the target type. <see cref="IsCanonical"/> tells the strict form apart when a
/// caller needs it.
/// </para>
/// </remarks>
public static class Quantity
{
    /// <summary>The largest number of significant hex digits accepted for a <see cref="BigInteger"/> (256 bits).</summary>
    public const int MaxBigIntegerDigits = 64;

    /// <summary>Formats <paramref name="value"/> as a canonical quantity (<c>0x0</c>, <c>0x41</c>, <c>0x400</c>).</summary>
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Formats a non-negative <paramref name="value"/> as a canonical quantity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static string Format(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value.IsZero)
        {
            return "0x0";
        }

        // BigInteger's "x" format prepends a 0 when the top bit of the leading digit is set (0xff -> "0ff"),
        // so the sign digit is trimmed here to keep the encoding compact.
        var digits = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return "0x" + digits;
    }

    /// <summary>Parses a quantity into a <see cref="ulong"/>.</summary>
    /// <exception cref="FormatException">The text is not a quantity or does not fit in 64 bits.</exception>
    public static ulong ParseUInt64(string? text) =>
        TryParseUInt64(text, out var value)
            ? value
            : throw new FormatException($"Expected a 64-bit QUANTITY such as \"0x1a\", got {Describe(text)}.");

    /// <summary>Parses a quantity into a non-negative <see cref="BigInteger"/> of at most 256 bits.</summary>
    /// <exception cref="FormatException">The text is not a quantity or exceeds 256 bits.</exception>
    public static BigInteger ParseBigInteger(string? text) =>
        TryParseBigInteger(text, out var value)
            ? value
            : throw new FormatException($"Expected a QUANTITY of at most 256 bits such as \"0x1a\", got {Describe(text)}.");

    /// <summary>Parses a quantity into a <see cref="ulong"/>, returning false for malformed or oversized input.</summary>
    public static bool TryParseUInt64([NotNullWhen(true)] string? text, out ulong value)
    {
        value = 0;
        if (!TrySignificantDigits(text, out var digits) || digits.Length > 16)
        {
            return false;
        }

        ulong result = 0;
        foreach (var c in digits)
        {
            result = (result << 4) | (uint)Nibble(c);
        }

        value = result;
        return true;
    }

    /// <summary>Parses a quantity into a <see cref="BigInteger"/>, returning false for malformed input or more than 256 bits.</summary>
    public static bool TryParseBigInteger([NotNullWhen(true)] string? text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (!TrySignificantDigits(text, out var digits) || digits.Length > MaxBigIntegerDigits)
        {
            return false;
        }

        // A leading "0" keeps AllowHexSpecifier from reading the top bit as a sign.
        value = digits.IsEmpty
            ? BigInteger.Zero
            : BigInteger.Parse(string.Concat("0", digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a quantity in the spec's strict form (lower-case, no leading zeros).</summary>
    public static bool IsCanonical([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length < 3 || !text.StartsWith("0x", StringComparison.Ordinal))
        {
            return false;
        }

        var digits = text.AsSpan(2);
        if (digits.Length > 1 && digits[0] == '0')
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    // Validates the whole text and returns the digits after the prefix with leading zeros removed
    // (empty for zero).
    private static bool TrySignificantDigits([NotNullWhen(true)] string? text, out ReadOnlySpan<char> digits)
    {
        digits = default;
        if (text is null || text.Length < 3 || text[0] != '0' || text[1] != 'x')
        {
            return false;
        }

        var all = text.AsSpan(2);
        foreach (var c in all)
        {
            if (Nibble(c) < 0)
            {
                return false;
            }
        }

        digits = all.TrimStart('0');
        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    internal static string Describe(string? text) =>
        text is null ? "null" : text.Length <= 80 ? $"\"{text}\"" : $"\"{text[..80]}...\" ({text.Length} characters)";
}
