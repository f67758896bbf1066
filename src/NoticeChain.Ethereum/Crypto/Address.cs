using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>A 20-byte Ethereum account address: the last 20 bytes of Keccak-256 of the uncompressed public key.</summary>
/// <remarks>
/// The struct holds the bytes in three integer fields, so it never allocates, compares in three
/// instructions and <c>default</c> is <see cref="Zero"/>. Text output is the EIP-55 mixed-case checksum
/// form, because that is what users copy and what wallets check; parsing accepts all-lower and all-upper
/// hex (no checksum to verify) and rejects mixed case whose checksum is wrong, which is the point of EIP-55:
/// a mistyped address fails instead of sending funds or anchors to nobody.
/// </remarks>
public readonly struct Address : IEquatable<Address>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private const int HexLength = 2 * Size;

    private readonly ulong _head;
    private readonly ulong _middle;
    private readonly uint _tail;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="address20"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> address20)
    {
        if (address20.Length != Size)
        {
            throw new ArgumentException($"An address is {Size} bytes, not {address20.Length}.", nameof(address20));
        }

        _head = BinaryPrimitives.ReadUInt64BigEndian(address20);
        _middle = BinaryPrimitives.ReadUInt64BigEndian(address20[8..]);
        _tail = BinaryPrimitives.ReadUInt32BigEndian(address20[16..]);
    }

    /// <summary>The all-zero address (also <c>default(Address)</c>).</summary>
    public static Address Zero => default;

    /// <summary>True for the all-zero address.</summary>
    public bool IsZero => (_head | _middle | _tail) == 0;

    /// <summary>Derives the address of a public key: the last 20 bytes of Keccak-256(x||y).</summary>
    public static Address FromPublicKey(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return publicKey.Address;
    }

    /// <summary>Derives the address of a 64-byte x||y public key without validating the point.</summary>
    internal static Address FromPublicKeyBytes(ReadOnlySpan<byte> publicKey64)
    {
        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(publicKey64, hash);
        return new Address(hash[(Keccak256.HashSize - Size)..]);
    }

    /// <summary>Parses 40 hex digits with an optional <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">
    /// The text is not 40 hex digits, or it mixes upper and lower case without a valid EIP-55 checksum.
    /// </exception>
    public static Address Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out var address))
        {
            throw new FormatException(
                "Expected 40 hexadecimal digits (optionally 0x-prefixed) in all lower case, all upper case or valid EIP-55 mixed case.");
        }

        return address;
    }

    /// <summary>Parses an address; returns false instead of throwing on malformed text or a wrong checksum.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Address address)
    {
        address = default;
        var digits = Hex.StripPrefix(text);
        Span<byte> bytes = stackalloc byte[Size];
        if (digits.Length != HexLength || !Hex.TryDecode(digits, bytes))
        {
            return false;
        }

        var candidate = new Address(bytes);
        bool hasLower = digits.IndexOfAnyInRange('a', 'f') >= 0;
        bool hasUpper = digits.IndexOfAnyInRange('A', 'F') >= 0;
        if (hasLower && hasUpper)
        {
            Span<char> expected = stackalloc char[HexLength];
            candidate.WriteChecksummed(expected);
            if (!digits.SequenceEqual(expected))
            {
                return false;
            }
        }

        address = candidate;
        return true;
    }

    /// <summary>Parses text that must already be in correct EIP-55 checksum form (letters in both cases where the checksum says so).</summary>
    /// <remarks>Use this where a human typed or pasted the address and an all-lower or all-upper value should not slip through unchecked.</remarks>
    public static bool TryParseChecksummed(ReadOnlySpan<char> text, out Address address)
    {
        address = default;
        if (!TryParse(text, out var candidate))
        {
            return false;
        }

        Span<char> expected = stackalloc char[HexLength];
        candidate.WriteChecksummed(expected);
        if (!Hex.StripPrefix(text).SequenceEqual(expected))
        {
            return false;
        }

        address = candidate;
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

        BinaryPrimitives.WriteUInt64BigEndian(destination20, _head);
        BinaryPrimitives.WriteUInt64BigEndian(destination20[8..], _middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination20[16..], _tail);
    }

    /// <summary>Returns the 20 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The EIP-55 mixed-case checksum form with a <c>0x</c> prefix.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[2 + HexLength];
        text[0] = '0';
        text[1] = 'x';
        WriteChecksummed(text[2..]);
        return new string(text);
    }

    /// <summary>The lower-case hex form with a <c>0x</c> prefix, as JSON-RPC and ABI tooling print it.</summary>
    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <inheritdoc />
    public bool Equals(Address other) => _head == other._head && _middle == other._middle && _tail == other._tail;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_head, _middle, _tail);

    /// <summary>Compares two addresses byte for byte.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Compares two addresses byte for byte.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    // EIP-55: hash the lower-case hex (ASCII, no prefix); a letter is upper case where the hash nibble at its
    // position is 8 or more.
    private void WriteChecksummed(Span<char> destination40)
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        Span<byte> ascii = stackalloc byte[HexLength];
        for (int i = 0; i < Size; i++)
        {
            ascii[2 * i] = (byte)LowerHexDigit(bytes[i] >> 4);
            ascii[(2 * i) + 1] = (byte)LowerHexDigit(bytes[i] & 0xf);
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(ascii, hash);
        for (int i = 0; i < HexLength; i++)
        {
            char c = (char)ascii[i];
            int nibble = (i & 1) == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0xf;
            destination40[i] = c >= 'a' && nibble >= 8 ? (char)(c - ('a' - 'A')) : c;
        }
    }

    private static char LowerHexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
