using NoticeChain.Chain;

namespace NoticeChain.Cli;

/// <summary>Reads an issuer id given on the command line: either 32 bytes in hex, or an official authority code that is hashed.</summary>
/// <remarks>
/// The brief suggests an id derived from the official authority code, so that nobody has to keep a table
/// of random ids: <c>issuerId = keccak256(UTF-8(code))</c>, which a Solidity reader recomputes with
/// <c>keccak256(bytes(code))</c> (decision 0006). Hex input with a <c>0x</c> prefix is taken as the id itself.
/// </remarks>
internal static class IssuerIdText
{
    /// <param name="text">The option's value.</param>
    /// <param name="option">The option's name, for the error message.</param>
    public static IssuerId Parse(string text, string option = "--id")
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return IssuerId.TryParse(trimmed, out var id) && !id.IsZero
                ? id
                : throw new CliException($"{option} '{text}' starts with 0x but is not a non-zero 32-byte id (not 32 bytes of hex, 64 digits, or all zero).");
        }

        if (trimmed.Length == 0)
        {
            throw new CliException($"{option} is empty: give the authority's official code or a 0x-prefixed 32-byte id.");
        }

        return IssuerId.FromAuthorityCode(trimmed);
    }
}
