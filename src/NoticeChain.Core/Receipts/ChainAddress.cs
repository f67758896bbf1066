using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace NoticeChain.Core.Receipts;

/// <summary>A 20-byte account address on chain: the registry contract or an authority's signing key.</summary>
/// <remarks>
/// <para>
/// Kept as bytes in the domain so that receipts and the store do not depend on the Ethereum layer, whose
/// <c>Address</c> type converts to and from this one with a byte copy.
/// </para>
/// <para>
/// The text form is <c>0x</c> and 40 <b>lower-case</b> hexadecimal digits. The mixed-case EIP-55 checksum form
/// needs Keccak-256, which the pure domain does not carry; parsing therefore accepts digits of either case
/// without checking a checksum. An address in a receipt is compared with what the chain reports, never typed
/// in by hand, so the checksum would protect nothing there.
/// </para>
/// </remarks>
public readonly struct ChainAddress : IEquatable<ChainAddress>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    /// <summary>Length of the text form: <c>0x</c> and 40 hexadecimal digits.</summary>
    public const int TextLength = 2 + (2 * Size);

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    /// <summary>Wraps 20 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="address20"/> is not 20 bytes long.</exception>
    public ChainAddress(ReadOnlySpan<byte> address20)
    {
        if (address20.Length != Size)
        {
            throw new ArgumentException($"Expected {Size} bytes, not {address20.Length}.", nameof(address20));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(address20);
        _b = BinaryPrimitives.ReadUInt64BigEndian(address20[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(address20[16..]);
    }

    /// <summary>True for the zero address, which is never a registry or a registered key.</summary>
    public bool IsZero => _a == 0 && _b == 0 && _c == 0;

    /// <summary>Parses <c>0x</c> and 40 hexadecimal digits of either case.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static ChainAddress Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException("An address is 0x followed by 40 hexadecimal digits.");

    /// <summary>Parses <c>0x</c> and 40 hexadecimal digits of either case; false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ChainAddress address)
    {
        address = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (text.Length != TextLength || !text.StartsWith("0x", StringComparison.Ordinal)
            || Convert.FromHexString(text[2..], bytes, out _, out var written) != OperationStatus.Done
            || written != Size)
        {
            return false;
        }

        address = new ChainAddress(bytes);
        return true;
    }

    /// <summary>Writes the 20 bytes into <paramref name="destination20"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 20 bytes.</exception>
    public void CopyTo(Span<byte> destination20)
    {
        if (destination20.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(destination20));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination20, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination20[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination20[16..], _c);
    }

    /// <summary>Returns the 20 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary><c>0x</c> and 40 lower-case hexadecimal digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    /// <inheritdoc />
    public bool Equals(ChainAddress other) => _a == other._a && _b == other._b && _c == other._c;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ChainAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    /// <summary>Compares two addresses byte for byte.</summary>
    public static bool operator ==(ChainAddress left, ChainAddress right) => left.Equals(right);

    /// <summary>Compares two addresses byte for byte.</summary>
    public static bool operator !=(ChainAddress left, ChainAddress right) => !left.Equals(right);
}
