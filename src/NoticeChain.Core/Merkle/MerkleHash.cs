using System.Diagnostics.CodeAnalysis;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Merkle;

/// <summary>A 32-byte hash inside an RFC 9162 Merkle tree: a leaf hash, an inner node, an audit path element
/// or a root.</summary>
/// <remarks>
/// A type of its own, distinct from <see cref="Digest"/>, so that a document digest can never be put into a
/// tree without going through <see cref="MerkleLeaf"/> (which adds the salt and the RFC 9162 leaf prefix),
/// and a tree can only be built from hashes that already went through it
/// (<see cref="MerkleTree.FromLeafHashes(ReadOnlySpan{MerkleHash})"/>). Confusing the two is exactly the
/// mistake that gives naive Merkle trees second preimages. A 32-byte value type that never allocates.
/// </remarks>
public readonly struct MerkleHash : IEquatable<MerkleHash>
{
    /// <summary>Size of a tree hash in bytes (SHA-256).</summary>
    public const int Size = Bytes32.Size;

    private readonly Bytes32 _value;

    /// <summary>Wraps 32 bytes that already are a tree hash, e.g. a root read from the chain.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is not 32 bytes long.</exception>
    public MerkleHash(ReadOnlySpan<byte> hash32) => _value = new Bytes32(hash32, nameof(hash32));

    private MerkleHash(Bytes32 value) => _value = value;

    /// <summary>Parses exactly 64 hexadecimal digits (either case, no prefix).</summary>
    /// <remarks>The <c>0x</c>-prefixed form of a Solidity <c>bytes32</c> belongs to the Ethereum layer.</remarks>
    /// <exception cref="FormatException">The text is not 64 hexadecimal digits.</exception>
    public static MerkleHash Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var hash)
            ? hash
            : throw new FormatException("A Merkle tree hash is exactly 64 hexadecimal digits without prefix.");

    /// <summary>Parses exactly 64 hexadecimal digits; false on any malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out MerkleHash hash)
    {
        var parsed = Bytes32.TryParseHex(text, out var value);
        hash = new MerkleHash(value);
        return parsed;
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination32"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination32) => _value.CopyTo(destination32, nameof(destination32));

    /// <summary>Returns the 32 bytes as a new array.</summary>
    public byte[] ToArray() => _value.ToArray();

    /// <summary>64 lower-case hexadecimal digits without prefix.</summary>
    public override string ToString() => _value.ToString();

    /// <inheritdoc />
    public bool Equals(MerkleHash other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is MerkleHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator ==(MerkleHash left, MerkleHash right) => left.Equals(right);

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator !=(MerkleHash left, MerkleHash right) => !left.Equals(right);
}
