using System.Globalization;

namespace NoticeChain.Ethereum.Abi;

/// <summary>Reads ABI type strings (<c>uint256</c>, <c>bytes3[2]</c>, <c>(uint256,bytes)[]</c>) into <see cref="AbiType"/>.</summary>
/// <remarks>
/// A small recursive-descent reader over the grammar <c>type := ( "(" [type ("," type)*] ")" | elementary ) ("[" [digits] "]")*</c>.
/// Tuple nesting is checked before each recursive step, so a hostile string of parentheses cannot exhaust the stack.
/// </remarks>
internal static class AbiTypeParser
{
    /// <summary>Parses a whole string as one type.</summary>
    public static AbiType Parse(string text)
    {
        int position = 0;
        var type = ParseAt(text, ref position);
        if (position != text.Length)
        {
            throw Invalid(text, position, "unexpected character");
        }

        return type;
    }

    /// <summary>Parses one type starting at <paramref name="position"/> and leaves it just after the type.</summary>
    public static AbiType ParseAt(string text, ref int position) => ParseType(text, ref position, nesting: 0);

    private static AbiType ParseType(string text, ref int position, int nesting)
    {
        if (nesting >= AbiType.MaxDepth)
        {
            throw Invalid(text, position, $"nested deeper than {AbiType.MaxDepth} levels");
        }

        var type = position < text.Length && text[position] == '('
            ? ParseTuple(text, ref position, nesting)
            : ParseElementary(text, ref position);

        while (position < text.Length && text[position] == '[')
        {
            position++;
            int start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var digits = text.AsSpan(start, position - start);
            if (position >= text.Length || text[position] != ']')
            {
                throw Invalid(text, position, "expected ']'");
            }

            position++;
            type = digits.IsEmpty ? AbiType.ArrayOf(type) : AbiType.FixedArrayOf(type, ReadLength(text, start, digits));
        }

        return type;
    }

    private static AbiType ParseTuple(string text, ref int position, int nesting)
    {
        position++;
        var components = new List<AbiType>();
        if (position < text.Length && text[position] == ')')
        {
            position++;
            return AbiType.Tuple(components);
        }

        while (true)
        {
            components.Add(ParseType(text, ref position, nesting + 1));
            if (position >= text.Length)
            {
                throw Invalid(text, position, "expected ',' or ')'");
            }

            char separator = text[position++];
            if (separator == ')')
            {
                return AbiType.Tuple(components);
            }

            if (separator != ',')
            {
                throw Invalid(text, position - 1, "expected ',' or ')'");
            }
        }
    }

    private static AbiType ParseElementary(string text, ref int position)
    {
        int start = position;
        while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
        {
            position++;
        }

        var name = text.AsSpan(start, position - start);
        switch (name)
        {
            case "":
                throw Invalid(text, start, "expected a type name or '('");
            case "address":
                return AbiType.Address;
            case "bool":
                return AbiType.Bool;
            case "bytes":
                return AbiType.Bytes;
            case "string":
                return AbiType.String;
            case "uint":
                return AbiType.UInt256;
            case "int":
                return AbiType.Int256;
            default:
                break;
        }

        if (name.StartsWith("uint", StringComparison.Ordinal) && TryReadSize(name[4..], out int unsignedBits) && IsIntegerWidth(unsignedBits))
        {
            return AbiType.UInt(unsignedBits);
        }

        if (name.StartsWith("int", StringComparison.Ordinal) && TryReadSize(name[3..], out int signedBits) && IsIntegerWidth(signedBits))
        {
            return AbiType.Int(signedBits);
        }

        if (name.StartsWith("bytes", StringComparison.Ordinal) && TryReadSize(name[5..], out int length) && length is >= 1 and <= AbiType.WordSize)
        {
            return AbiType.FixedBytes(length);
        }

        if (name.StartsWith("fixed", StringComparison.Ordinal) || name.StartsWith("ufixed", StringComparison.Ordinal) || name.SequenceEqual("function"))
        {
            throw Invalid(text, start, $"'{name}' is not supported by this codec");
        }

        throw Invalid(text, start, $"unknown type '{name}'");
    }

    private static bool IsIntegerWidth(int bits) => bits is >= 8 and <= 256 && bits % 8 == 0;

    /// <summary>Reads a canonical decimal size: digits only, no leading zero, at most three digits.</summary>
    private static bool TryReadSize(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 3 || digits[0] == '0')
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int ReadLength(string text, int start, ReadOnlySpan<char> digits)
    {
        bool canonical = digits.Length == 1 || digits[0] != '0';
        if (!canonical || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int length))
        {
            throw Invalid(text, start, $"array length '{digits}' is not a canonical number below 2^31");
        }

        return length;
    }

    private static AbiException Invalid(string text, int position, string reason) =>
        new($"Invalid ABI type '{text}': {reason} at position {position}.");
}
