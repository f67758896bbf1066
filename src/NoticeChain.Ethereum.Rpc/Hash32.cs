using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>A 32-byte value as JSON-RPC carries it: a block hash, transaction hash or log topic.</summary>
/// <remarks>
/// A value type rather than <c>byte[]</c> so hashes compare by value, work as dictionary keys and cannot be
/// mutated after a receipt has been read; <c>default</c> is <see cref="Zero"/>. The bytes live in four
/// big-endian integers, so the struct never allocates.
/// </remarks>
public readonly struct Hash32 : IEquatable<Hash32>
{
    /// <summary>Size of the value in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Creates a hash from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is not 32 bytes long.</exception>
    public Hash32(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != Size)
        {
            throw new ArgumentException($"A hash is {Size} bytes, not {hash32.Length}.", nameof(hash32));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(hash32);
        _b = BinaryPrimitives.ReadUInt64BigEndian(hash32[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(hash32[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(hash32[24..]);
    }

    /// <summary>The all-zero value (also <c>default(Hash32)</c>).</summary>
    public static Hash32 Zero => default;

    /// <summary>Parses <c>0x</c> followed by exactly 64 hex digits, as JSON-RPC <c>DATA</c> of 32 bytes.</summary>
    /// <remarks>The prefix is required: a bare hex string is not valid JSON-RPC <c>DATA</c>.</remarks>
    /// <exception cref="FormatException">The text is not a 0x-prefixed 32-byte hex string.</exception>
    public static Hash32 Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var hash)
            ? hash
            : throw new FormatException("Expected a 32-byte hash: 0x followed by 64 hexadecimal digits.");

    /// <summary>Parses a 0x-prefixed 32-byte hex string; false on any malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Hash32 hash)
    {
        hash = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (!text.StartsWith("0x", StringComparison.Ordinal) || !Hex.TryDecode(text, bytes))
        {
            return false;
        }

        hash = new Hash32(bytes);
        return true;
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination32"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination32)
    {
        if (destination32.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(destination32));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination32, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], _d);
    }

    /// <summary>Returns the 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Lower-case hex with a <c>0x</c> prefix, the form JSON-RPC uses.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <inheritdoc />
    public bool Equals(Hash32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
