using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NoticeChain.Core.Hashing;

/// <summary>The random 32-byte salt that each notice gets and that goes into its Merkle leaf.</summary>
/// <remarks>
/// <para>
/// The leaf is <c>SHA-256(0x00 || salt || digest)</c>, so the chain never sees a bare document digest. That
/// has two purposes. First, nobody can confirm a guessed document (a standard letter with a name filled in)
/// by hashing candidates against the public chain: without the salt the leaf is unpredictable. Second,
/// crypto-shredding: when a notice's retention period ends, deleting its salt and digest from the
/// server makes the immutable on-chain data unlinkable to the document, which is how an append-only chain
/// stays compatible with erasure under GDPR.
/// </para>
/// <para>
/// The salt travels in the citizen's receipt (and QR code) together with the proof; it is not a key and
/// printing it is harmless on its own, but it belongs to the receipt, not to logs.
/// </para>
/// </remarks>
public readonly struct Salt : IEquatable<Salt>
{
    /// <summary>Size of a salt in bytes.</summary>
    public const int Size = Bytes32.Size;

    private readonly Bytes32 _value;

    /// <summary>Wraps 32 salt bytes, e.g. read back from a receipt.</summary>
    /// <exception cref="ArgumentException"><paramref name="salt32"/> is not 32 bytes long.</exception>
    public Salt(ReadOnlySpan<byte> salt32) => _value = new Bytes32(salt32, nameof(salt32));

    private Salt(Bytes32 value) => _value = value;

    /// <summary>Draws a fresh salt from the operating system's cryptographic random number generator.</summary>
    /// <remarks>256 bits, so a salt is never guessed and two notices never share one.</remarks>
    public static Salt Generate()
    {
        Span<byte> salt = stackalloc byte[Size];
        RandomNumberGenerator.Fill(salt);
        return new Salt(salt);
    }

    /// <summary>Parses exactly 64 hexadecimal digits (either case, no prefix).</summary>
    /// <exception cref="FormatException">The text is not 64 hexadecimal digits.</exception>
    public static Salt Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var salt)
            ? salt
            : throw new FormatException("A salt is exactly 64 hexadecimal digits without prefix.");

    /// <summary>Parses exactly 64 hexadecimal digits; false on any malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Salt salt)
    {
        var parsed = Bytes32.TryParseHex(text, out var value);
        salt = new Salt(value);
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
    public bool Equals(Salt other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Salt other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two salts byte for byte.</summary>
    public static bool operator ==(Salt left, Salt right) => left.Equals(right);

    /// <summary>Compares two salts byte for byte.</summary>
    public static bool operator !=(Salt left, Salt right) => !left.Equals(right);
}
