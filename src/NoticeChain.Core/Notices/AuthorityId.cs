using System.Diagnostics.CodeAnalysis;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Notices;

/// <summary>The permanent 32-byte id of an issuing authority, the registry's <c>issuerId</c>.</summary>
/// <remarks>
/// <para>
/// The same 32 bytes as the <c>bytes32 issuerId</c> of <c>NoticeRegistry</c> (by convention the Keccak-256 of the
/// official authority code, decision 0006). It is defined here rather than taken from the chain binding so
/// that the domain, the store and receipts stay independent of the Ethereum layer; converting is a byte copy.
/// </para>
/// <para>
/// The text form is the one every Ethereum tool prints for a <c>bytes32</c>: <c>0x</c> and 64 lower-case
/// hexadecimal digits. Parsing requires the prefix and accepts digits of either case. The all-zero id is
/// rejected, because the registry never registers it (<c>ZeroIssuerId</c>), so a zero id can only be a bug.
/// </para>
/// </remarks>
public readonly struct AuthorityId : IEquatable<AuthorityId>
{
    /// <summary>Size of an authority id in bytes.</summary>
    public const int Size = Bytes32.Size;

    /// <summary>Length of the text form: <c>0x</c> and 64 hexadecimal digits.</summary>
    public const int TextLength = 2 + Bytes32.HexLength;

    private readonly Bytes32 _value;

    /// <summary>Wraps the 32 bytes of an issuer id.</summary>
    /// <exception cref="ArgumentException"><paramref name="id32"/> is not 32 bytes long, or all zero.</exception>
    public AuthorityId(ReadOnlySpan<byte> id32)
    {
        _value = new Bytes32(id32, nameof(id32));
        if (_value.Equals(default))
        {
            throw new ArgumentException("The zero authority id is never registered.", nameof(id32));
        }
    }

    private AuthorityId(Bytes32 value) => _value = value;

    /// <summary>Parses <c>0x</c> and 64 hexadecimal digits.</summary>
    /// <exception cref="FormatException">The text is not such an id, or is all zero.</exception>
    public static AuthorityId Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException("An authority id is 0x followed by 64 hexadecimal digits, not all zero.");

    /// <summary>Parses <c>0x</c> and 64 hexadecimal digits; false on anything else or the zero id.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AuthorityId id)
    {
        id = default;
        if (text.Length != TextLength || !text.StartsWith("0x", StringComparison.Ordinal)
            || !Bytes32.TryParseHex(text[2..], out var value) || value.Equals(default))
        {
            return false;
        }

        id = new AuthorityId(value);
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
    public bool Equals(AuthorityId other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AuthorityId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two ids byte for byte.</summary>
    public static bool operator ==(AuthorityId left, AuthorityId right) => left.Equals(right);

    /// <summary>Compares two ids byte for byte.</summary>
    public static bool operator !=(AuthorityId left, AuthorityId right) => !left.Equals(right);
}
