using System.Diagnostics.CodeAnalysis;
using System.Text;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain;

/// <summary>The permanent id of an issuing authority in the registry, a Solidity <c>bytes32</c>.</summary>
/// <remarks>
/// A type of its own rather than a bare 32-byte value, because the registry's calls take an issuer id next to
/// leaf and root hashes of the same size (<c>getRevocation(issuerId, leaf)</c>); swapping them would compile and
/// silently read nothing. The zero id is never registered, so <see cref="IsZero"/> marks "no authority".
/// </remarks>
public readonly struct IssuerId : IEquatable<IssuerId>
{
    /// <summary>Size of an id in bytes.</summary>
    public const int Size = Hash32.Size;

    private readonly Hash32 _value;

    /// <summary>Wraps exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="id32"/> is not 32 bytes long.</exception>
    public IssuerId(ReadOnlySpan<byte> id32)
    {
        if (id32.Length != Size)
        {
            throw new ArgumentException($"An issuer id is {Size} bytes, not {id32.Length}.", nameof(id32));
        }

        _value = new Hash32(id32);
    }

    private IssuerId(Hash32 value) => _value = value;

    /// <summary>The all-zero id, which the registry never registers (also <c>default(IssuerId)</c>).</summary>
    public static IssuerId Zero => default;

    /// <summary>Whether this is the all-zero id.</summary>
    public bool IsZero => _value == Hash32.Zero;

    /// <summary>Parses 64 hexadecimal digits, with or without a <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">The text is not a 32-byte hex string.</exception>
    public static IssuerId Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException("An issuer id is 64 hexadecimal digits, optionally prefixed with 0x.");

    /// <summary>Parses 64 hexadecimal digits, with or without a <c>0x</c> prefix; false on any malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IssuerId id)
    {
        id = default;
        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecode(text, bytes))
        {
            return false;
        }

        id = new IssuerId(bytes);
        return true;
    }

    /// <summary>The id of an authority with the official code <paramref name="code"/>: Keccak-256 of its UTF-8 (decision 0006).</summary>
    /// <remarks>
    /// Anyone can recompute the id of a known authority, in Solidity as <c>keccak256(bytes(code))</c>, so no table
    /// of ids has to be kept. The code is trimmed of surrounding white space and otherwise taken verbatim: two
    /// spellings of one code are two ids, so onboarding uses the canonical spelling of the state's register.
    /// </remarks>
    /// <exception cref="ArgumentException">The code is empty or white space only.</exception>
    public static IssuerId FromAuthorityCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("An authority code is not empty.", nameof(code));
        }

        return new IssuerId(Keccak256.Hash(Encoding.UTF8.GetBytes(trimmed)));
    }

    /// <summary>Wraps a 32-byte value read from the chain, e.g. an event topic.</summary>
    public static IssuerId FromHash32(Hash32 value) => new(value);

    /// <summary>The id as a 32-byte value, e.g. for a log topic filter.</summary>
    public Hash32 ToHash32() => _value;

    /// <summary>Writes the 32 bytes into <paramref name="destination32"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination32) => _value.CopyTo(destination32);

    /// <summary>Returns the 32 bytes as a new array.</summary>
    public byte[] ToArray() => _value.ToArray();

    /// <summary>Lower-case hex with a <c>0x</c> prefix, as a Solidity <c>bytes32</c> is usually written.</summary>
    public override string ToString() => _value.ToString();

    /// <inheritdoc />
    public bool Equals(IssuerId other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is IssuerId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two ids byte for byte.</summary>
    public static bool operator ==(IssuerId left, IssuerId right) => left.Equals(right);

    /// <summary>Compares two ids byte for byte.</summary>
    public static bool operator !=(IssuerId left, IssuerId right) => !left.Equals(right);
}
