using System.Diagnostics.CodeAnalysis;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>A secp256k1 public key: a point on the curve, held as its 64-byte x||y coordinates.</summary>
/// <remarks>
/// Ethereum uses the uncompressed point without the SEC 1 <c>0x04</c> prefix (64 bytes) for address
/// derivation and the prefixed form (65 bytes) in most tooling, so both are accepted and produced. Every
/// instance is validated to lie on the curve when it is created, so code holding a <see cref="PublicKey"/>
/// never has to ask again.
/// </remarks>
public sealed class PublicKey : IEquatable<PublicKey>
{
    /// <summary>Size of the x||y form in bytes.</summary>
    public const int Size = 64;

    /// <summary>Size of the SEC 1 uncompressed form (<c>0x04</c>||x||y) in bytes.</summary>
    public const int UncompressedSize = 65;

    private readonly byte[] _xy;

    private PublicKey(byte[] xy)
    {
        _xy = xy;
        Address = Address.FromPublicKeyBytes(xy);
    }

    /// <summary>The account address of this key.</summary>
    public Address Address { get; }

    /// <summary>Creates a key from the 64-byte x||y form.</summary>
    /// <exception cref="ArgumentException">The input is not 64 bytes or is not a point on secp256k1.</exception>
    public static PublicKey FromXY(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != Size)
        {
            throw new ArgumentException($"An x||y public key is {Size} bytes, not {publicKey64.Length}.", nameof(publicKey64));
        }

        if (!Secp256k1Curve.IsOnCurve(publicKey64))
        {
            throw new ArgumentException("The coordinates are not a point on secp256k1.", nameof(publicKey64));
        }

        return new PublicKey(publicKey64.ToArray());
    }

    /// <summary>Creates a key from the 65-byte SEC 1 uncompressed form <c>0x04</c>||x||y.</summary>
    /// <exception cref="ArgumentException">The input is not 65 bytes, lacks the <c>0x04</c> prefix, or is not a point on secp256k1.</exception>
    public static PublicKey FromUncompressed(ReadOnlySpan<byte> publicKey65)
    {
        if (publicKey65.Length != UncompressedSize || publicKey65[0] != 0x04)
        {
            throw new ArgumentException($"An uncompressed public key is {UncompressedSize} bytes starting with 0x04.", nameof(publicKey65));
        }

        return FromXY(publicKey65[1..]);
    }

    /// <summary>Parses hex of either the 64-byte or the 65-byte form, with an optional <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">The text is not hex of 64 or 65 bytes.</exception>
    /// <exception cref="ArgumentException">The bytes are not a point on secp256k1.</exception>
    public static PublicKey Parse(ReadOnlySpan<char> text)
    {
        var bytes = Hex.Decode(text);
        return bytes.Length switch
        {
            Size => FromXY(bytes),
            UncompressedSize => FromUncompressed(bytes),
            _ => throw new FormatException($"Expected hex of {Size} or {UncompressedSize} bytes, got {bytes.Length}."),
        };
    }

    /// <summary>Trusted construction from coordinates this library computed itself (derivation, recovery).</summary>
    internal static PublicKey FromComputed(ReadOnlySpan<byte> publicKey64) => new(publicKey64.ToArray());

    /// <summary>Writes x||y into <paramref name="publicKey64"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 64 bytes.</exception>
    public void CopyTo(Span<byte> publicKey64)
    {
        if (publicKey64.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(publicKey64));
        }

        _xy.CopyTo(publicKey64);
    }

    /// <summary>Writes <c>0x04</c>||x||y into <paramref name="publicKey65"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 65 bytes.</exception>
    public void CopyUncompressedTo(Span<byte> publicKey65)
    {
        if (publicKey65.Length < UncompressedSize)
        {
            throw new ArgumentException($"The destination must hold {UncompressedSize} bytes.", nameof(publicKey65));
        }

        publicKey65[0] = 0x04;
        _xy.CopyTo(publicKey65[1..]);
    }

    /// <summary>Returns x||y as a new 64-byte array.</summary>
    public byte[] ToXY() => (byte[])_xy.Clone();

    /// <summary>Returns <c>0x04</c>||x||y as a new 65-byte array.</summary>
    public byte[] ToUncompressed()
    {
        var bytes = new byte[UncompressedSize];
        CopyUncompressedTo(bytes);
        return bytes;
    }

    /// <summary>The <c>0x04</c>-prefixed uncompressed form as lower-case hex.</summary>
    public override string ToString() => Hex.Encode(ToUncompressed());

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] PublicKey? other) => other is not null && _xy.AsSpan().SequenceEqual(other._xy);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => Address.GetHashCode();
}
