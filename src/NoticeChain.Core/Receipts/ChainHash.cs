using System.Diagnostics.CodeAnalysis;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Receipts;

/// <summary>A 32-byte hash that names something on chain: a transaction hash or a block hash.</summary>
/// <remarks>
/// <para>
/// Kept as bytes in the domain so that receipts, the store and the chain follower do not depend on the Ethereum
/// layer; the chain binding converts with a byte copy. A type distinct from <see cref="Merkle.MerkleHash"/>
/// because the two come from different hash functions (Keccak-256 versus SHA-256) and never mix.
/// </para>
/// <para>
/// The text form is the one every Ethereum tool prints: <c>0x</c> and 64 lower-case hexadecimal digits. Parsing
/// requires the prefix and accepts digits of either case.
/// </para>
/// </remarks>
public readonly struct ChainHash : IEquatable<ChainHash>
{
    /// <summary>Size of the hash in bytes.</summary>
    public const int Size = Bytes32.Size;

    /// <summary>Length of the text form: <c>0x</c> and 64 hexadecimal digits.</summary>
    public const int TextLength = 2 + Bytes32.HexLength;

    private readonly Bytes32 _value;

    /// <summary>Wraps 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is not 32 bytes long.</exception>
    public ChainHash(ReadOnlySpan<byte> hash32) => _value = new Bytes32(hash32, nameof(hash32));

    private ChainHash(Bytes32 value) => _value = value;

    /// <summary>True for the all-zero value, which names no transaction or block.</summary>
    public bool IsZero => _value.Equals(default);

    /// <summary>Parses <c>0x</c> and 64 hexadecimal digits.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static ChainHash Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var hash)
            ? hash
            : throw new FormatException("A chain hash is 0x followed by 64 hexadecimal digits.");

    /// <summary>Parses <c>0x</c> and 64 hexadecimal digits; false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ChainHash hash)
    {
        hash = default;
        if (text.Length != TextLength || !text.StartsWith("0x", StringComparison.Ordinal)
            || !Bytes32.TryParseHex(text[2..], out var value))
        {
            return false;
        }

        hash = new ChainHash(value);
        return true;
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination32"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination32) => _value.CopyTo(destination32, nameof(destination32));

    /// <summary>Returns the 32 bytes as a new array.</summary>
    public byte[] ToArray() => _value.ToArray();

    /// <summary><c>0x</c> and 64 lower-case hexadecimal digits.</summary>
    public override string ToString() => "0x" + _value.ToString();

    /// <inheritdoc />
    public bool Equals(ChainHash other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ChainHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator ==(ChainHash left, ChainHash right) => left.Equals(right);

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator !=(ChainHash left, ChainHash right) => !left.Equals(right);
}
