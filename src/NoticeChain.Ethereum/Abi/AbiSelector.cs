using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Abi;

/// <summary>Selector arithmetic shared by functions and errors: hashing a signature and framing data with a 4-byte selector.</summary>
internal static class AbiSelector
{
    /// <summary>Size of a function or error selector in bytes.</summary>
    public const int Size = 4;

    /// <summary>Keccak-256 of the ASCII signature: the event topic, and (first 4 bytes) the selector.</summary>
    public static byte[] HashSignature(string canonicalSignature) =>
        Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(canonicalSignature));

    /// <summary>The first 4 bytes of Keccak-256 of the signature.</summary>
    public static byte[] Compute(string canonicalSignature) => HashSignature(canonicalSignature)[..Size];

    /// <summary>True when <paramref name="data"/> starts with <paramref name="selector4"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> data, ReadOnlySpan<byte> selector4) =>
        data.Length >= Size && data[..Size].SequenceEqual(selector4);

    /// <summary><c>selector || enc(values)</c>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> selector4, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        var arguments = AbiEncoder.Encode(types, values);
        var data = new byte[Size + arguments.Length];
        selector4.CopyTo(data);
        arguments.CopyTo(data.AsSpan(Size));
        return data;
    }

    /// <summary>The data after the selector; an <see cref="AbiException"/> naming <paramref name="signature"/> when the selector differs.</summary>
    public static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> data, ReadOnlySpan<byte> selector4, string signature)
    {
        if (!Matches(data, selector4))
        {
            string found = data.Length >= Size ? Convert.ToHexStringLower(data[..Size]) : $"{data.Length} byte(s)";
            throw new AbiException($"Expected selector 0x{Convert.ToHexStringLower(selector4)} of {signature}, found {found}.");
        }

        return data[Size..];
    }
}
