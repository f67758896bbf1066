using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>Strict readers for single fields of a node's answer; each failure names the field.</summary>
/// <remarks>
/// Every failure is a <see cref="FormatException"/>; the client turns it into an
/// <see cref="EthRpcTransportException"/> for the method that was called.
/// </remarks>
internal static class WireField
{
    public static ulong UInt64(string? text, string field) =>
        Quantity.TryParseUInt64(text, out var value) ? value : throw Invalid(field, "a 64-bit QUANTITY", text);

    public static ulong? OptionalUInt64(string? text, string field) => text is null ? null : UInt64(text, field);

    public static BigInteger BigInteger(string? text, string field) =>
        Quantity.TryParseBigInteger(text, out var value) ? value : throw Invalid(field, "a QUANTITY of at most 256 bits", text);

    public static BigInteger? OptionalBigInteger(string? text, string field) => text is null ? null : BigInteger(text, field);

    public static Hash32 Hash(string? text, string field) =>
        Hash32.TryParse(text, out var hash) ? hash : throw Invalid(field, "a 0x-prefixed 32-byte hash", text);

    public static Hash32? OptionalHash(string? text, string field) => text is null ? null : Hash(text, field);

    /// <summary>An address with the mandatory <c>0x</c> prefix (the parser itself would also take bare hex).</summary>
    public static Address Address(string? text, string field) =>
        text is not null && text.StartsWith("0x", StringComparison.Ordinal) && Crypto.Address.TryParse(text, out var address)
            ? address
            : throw Invalid(field, "a 0x-prefixed 20-byte address", text);

    public static Address? OptionalAddress(string? text, string field) => text is null ? null : Address(text, field);

    public static byte[] Data(string? text, string field) =>
        HexData.TryParse(text, out var bytes) ? bytes : throw Invalid(field, "0x-prefixed even-length hex DATA", text);

    public static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw new FormatException($"'{field}' is missing or null.");

    /// <summary>Reads a result that must be a JSON string (QUANTITY or DATA results).</summary>
    public static string String(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"'{field}' must be a JSON string, not {element.ValueKind}.");

    /// <summary>True for a JSON null result, which lookups by hash or number use for "not found (yet)".</summary>
    public static bool IsNull(JsonElement element) => element.ValueKind == JsonValueKind.Null;

    private static FormatException Invalid(string field, string expected, string? text) =>
        new($"'{field}' must be {expected}, got {Quantity.Describe(text)}.");
}
