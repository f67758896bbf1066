namespace NoticeChain.Ethereum.Abi;

/// <summary>What a human-readable signature may contain besides its parameter list.</summary>
internal enum AbiSignatureKind
{
    /// <summary>A function: mutability keywords and <c>returns (...)</c> allowed.</summary>
    Function,

    /// <summary>A constructor: a payable keyword allowed.</summary>
    Constructor,

    /// <summary>An event: <c>indexed</c> parameters and a trailing <c>anonymous</c> allowed.</summary>
    Event,

    /// <summary>A custom error: the parameter list only.</summary>
    Error,
}

/// <summary>The parts of a parsed signature.</summary>
internal sealed record AbiParsedSignature(
    string Name,
    IReadOnlyList<AbiParameter> Inputs,
    IReadOnlyList<AbiParameter> Outputs,
    AbiStateMutability StateMutability,
    bool Anonymous);

/// <summary>
/// Reads signatures such as <c>baz(uint32,bool)</c>, <c>balanceOf(address owner) view returns (uint256)</c> or
/// <c>Transfer(address indexed from, address indexed to, uint256 value)</c>.
/// </summary>
/// <remarks>
/// Each parameter is a canonical type (no spaces inside it) optionally followed by a data location, <c>indexed</c>
/// (events only) and a name. Accepting names and locations means a declaration copied from Solidity source works,
/// while the types themselves stay in the strict form that determines the selector.
/// </remarks>
internal static class AbiSignatureParser
{
    public static AbiParsedSignature Parse(string text, AbiSignatureKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        int position = 0;
        SkipSpaces(text, ref position);
        string name = ReadIdentifier(text, ref position) ?? throw Invalid(text, position, "expected a name");
        var inputs = ParseParameters(text, ref position, allowIndexed: kind == AbiSignatureKind.Event);
        IReadOnlyList<AbiParameter> outputs = [];
        var mutability = AbiStateMutability.NonPayable;
        bool anonymous = false;
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position == text.Length)
            {
                return new AbiParsedSignature(name, inputs, outputs, mutability, anonymous);
            }

            int wordStart = position;
            string word = ReadIdentifier(text, ref position) ?? throw Invalid(text, position, "unexpected character");
            switch (word)
            {
                case "returns" when kind == AbiSignatureKind.Function:
                    SkipSpaces(text, ref position);
                    outputs = ParseParameters(text, ref position, allowIndexed: false);
                    break;
                case "view" when kind == AbiSignatureKind.Function:
                    mutability = AbiStateMutability.View;
                    break;
                case "pure" when kind == AbiSignatureKind.Function:
                    mutability = AbiStateMutability.Pure;
                    break;
                case "payable" when kind is AbiSignatureKind.Function or AbiSignatureKind.Constructor:
                    mutability = AbiStateMutability.Payable;
                    break;
                case "anonymous" when kind == AbiSignatureKind.Event:
                    anonymous = true;
                    break;
                default:
                    throw Invalid(text, wordStart, $"'{word}' is not allowed here");
            }
        }
    }

    /// <summary>True for a Solidity identifier: a letter, <c>_</c> or <c>$</c>, then letters, digits, <c>_</c> or <c>$</c>.</summary>
    public static bool IsIdentifier(string text)
    {
        int position = 0;
        return ReadIdentifier(text, ref position) is not null && position == text.Length;
    }

    /// <summary>Builds the canonical signature <c>name(T1,...,Tn)</c> that selectors and topics hash.</summary>
    public static string Canonical(string name, IEnumerable<AbiParameter> parameters) =>
        name + "(" + string.Join(',', parameters.Select(p => p.Type.CanonicalName)) + ")";

    private static List<AbiParameter> ParseParameters(string text, ref int position, bool allowIndexed)
    {
        if (position >= text.Length || text[position] != '(')
        {
            throw Invalid(text, position, "expected '('");
        }

        position++;
        var parameters = new List<AbiParameter>();
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == ')')
        {
            position++;
            return parameters;
        }

        while (true)
        {
            SkipSpaces(text, ref position);
            var type = AbiTypeParser.ParseAt(text, ref position);
            bool indexed = false;
            string name = string.Empty;
            SkipSpaces(text, ref position);
            while (ReadIdentifier(text, ref position) is { } word)
            {
                if (word is "memory" or "calldata" or "storage")
                {
                    SkipSpaces(text, ref position);
                    continue;
                }

                if (word == "indexed")
                {
                    if (!allowIndexed || indexed || name.Length != 0)
                    {
                        throw Invalid(text, position - word.Length, "'indexed' is only allowed once, before the name of an event parameter");
                    }

                    indexed = true;
                }
                else if (name.Length == 0)
                {
                    name = word;
                }
                else
                {
                    throw Invalid(text, position - word.Length, "expected ',' or ')' after the parameter name");
                }

                SkipSpaces(text, ref position);
            }

            parameters.Add(new AbiParameter(name, type, indexed));
            if (position >= text.Length)
            {
                throw Invalid(text, position, "expected ',' or ')'");
            }

            char separator = text[position++];
            if (separator == ')')
            {
                return parameters;
            }

            if (separator != ',')
            {
                throw Invalid(text, position - 1, "expected ',' or ')'");
            }
        }
    }

    private static string? ReadIdentifier(string text, ref int position)
    {
        int start = position;
        if (position >= text.Length || !(char.IsAsciiLetter(text[position]) || text[position] is '_' or '$'))
        {
            return null;
        }

        position++;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '$'))
        {
            position++;
        }

        return text[start..position];
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
        {
            position++;
        }
    }

    private static AbiException Invalid(string text, int position, string reason) =>
        new($"Invalid signature '{text}': {reason} at position {position}.");
}
