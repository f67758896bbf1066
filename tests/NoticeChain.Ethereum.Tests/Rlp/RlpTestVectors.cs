using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Tests.Rlp;

/// <summary>
/// Loads the official RLP vectors of ethereum/tests (stored unchanged under <c>Vectors/rlp/</c>; where
/// each file came from is recorded in <c>Vectors/rlp/_source.json</c>) and turns their <c>in</c> values
/// into <see cref="RlpItem"/> trees the way the upstream test runners do.
/// </summary>
internal static class RlpTestVectors
{
    public const string ValidFile = "rlptest.json";
    public const string InvalidFile = "invalidRLPTest.json";

    /// <summary>
    /// Added to ethereum/tests by pull request #554 and removed again by #560 because its <c>out</c> is
    /// not an encoding of its <c>in</c>: the list header declares 167 payload bytes (the first four
    /// elements) and 153 stray zero bytes follow. The stored snapshot still contains it.
    /// </summary>
    public const string WithdrawnListOfBinaries = "listofbinaries";

    public static TheoryData<string> ValidNames() => Names(ValidFile, except: WithdrawnListOfBinaries);

    public static TheoryData<string> InvalidNames() => Names(InvalidFile, except: null);

    public static JsonElement Load(string file, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(file)));
        return document.RootElement.GetProperty(name).Clone();
    }

    public static byte[] Out(JsonElement vector) => Hex.Decode(vector.GetProperty("out").GetString());

    /// <summary>
    /// Converts a vector's <c>in</c>: an array is a list, a JSON integer or a <c>#</c>-prefixed decimal is
    /// a scalar in minimal big-endian bytes, a <c>0x</c>-prefixed string is hex bytes, any other string is
    /// its UTF-8 bytes.
    /// </summary>
    public static RlpItem ToItem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.List(value.EnumerateArray().Select(ToItem)),
        JsonValueKind.Number => RlpItem.FromBigInteger(BigInteger.Parse(value.GetRawText(), CultureInfo.InvariantCulture)),
        JsonValueKind.String => StringToItem(value.GetString()!),
        _ => throw new InvalidOperationException($"Unexpected JSON value kind {value.ValueKind} in an RLP vector."),
    };

    private static RlpItem StringToItem(string text)
    {
        if (text.StartsWith('#'))
        {
            return RlpItem.FromBigInteger(BigInteger.Parse(text.AsSpan(1), CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return RlpItem.FromBytes(Hex.Decode(text));
        }

        return RlpItem.FromBytes(System.Text.Encoding.UTF8.GetBytes(text));
    }

    private static TheoryData<string> Names(string file, string? except)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(file)));
        var names = new TheoryData<string>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name != except)
            {
                names.Add(property.Name);
            }
        }

        return names;
    }

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Vectors", "rlp", file);
}
