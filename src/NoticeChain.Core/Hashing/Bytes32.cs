using System.Buffers;
using System.Buffers.Binary;

namespace NoticeChain.Core.Hashing;

/// <summary>The shared storage of the domain's 32-byte values: <see cref="Digest"/>, <see cref="Salt"/> and
/// <see cref="Merkle.MerkleHash"/>.</summary>
/// <remarks>
/// Four big-endian integers instead of an array, so the public value types never allocate, compare in four
/// instructions and cannot be mutated after construction. The public types wrap this one so that a digest
/// can never be passed where a salt or a tree hash is expected, while the byte handling exists once.
/// </remarks>
internal readonly struct Bytes32 : IEquatable<Bytes32>
{
    public const int Size = 32;

    public const int HexLength = 2 * Size;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    public Bytes32(ReadOnlySpan<byte> value32, string parameterName)
    {
        if (value32.Length != Size)
        {
            throw new ArgumentException($"Expected {Size} bytes, not {value32.Length}.", parameterName);
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(value32);
        _b = BinaryPrimitives.ReadUInt64BigEndian(value32[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(value32[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(value32[24..]);
    }

    /// <summary>Exactly 64 hexadecimal digits of either case; no prefix, no whitespace.</summary>
    public static bool TryParseHex(ReadOnlySpan<char> text, out Bytes32 value)
    {
        value = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (text.Length != HexLength
            || Convert.FromHexString(text, bytes, out _, out var written) != OperationStatus.Done
            || written != Size)
        {
            return false;
        }

        value = new Bytes32(bytes, nameof(text));
        return true;
    }

    public void CopyTo(Span<byte> destination32, string parameterName)
    {
        if (destination32.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", parameterName);
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination32, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes, "destination32");
        return bytes;
    }

    /// <summary>64 lower-case hexadecimal digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes, "destination32");
        return Convert.ToHexStringLower(bytes);
    }

    public bool Equals(Bytes32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);
}
