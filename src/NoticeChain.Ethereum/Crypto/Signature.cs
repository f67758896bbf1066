using System.Diagnostics.CodeAnalysis;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>An ECDSA secp256k1 signature as Ethereum uses it: r and s (32 bytes each) and a recovery id (0 or 1).</summary>
/// <remarks>
/// <para>
/// A signature is a plain value: it can be built from any r, s and recovery id so that data from the wire
/// can be represented and then rejected by <see cref="Recover"/> with a reason. Signatures produced by
/// <see cref="PrivateKey.Sign"/> are always valid and in low-S form.
/// </para>
/// <para>
/// Low S (EIP-2, Homestead): for every valid (r, s) the pair (r, n - s) also verifies, so a third party could
/// change a transaction's hash without the key. Ethereum therefore only accepts s ≤ n/2, and so does
/// <see cref="Recover"/> — even though some nodes (Anvil) accept high s, which is why it is checked here
/// rather than left to the network.
/// </para>
/// </remarks>
public sealed class Signature : IEquatable<Signature>
{
    /// <summary>Size of the r||s||v form in bytes.</summary>
    public const int Size = 65;

    private const int ScalarSize = Secp256k1Curve.ScalarSize;

    private readonly byte[] _rs;

    /// <summary>Creates a signature from its parts. Only the lengths are checked here; validity is checked on use.</summary>
    /// <exception cref="ArgumentException">r or s is not 32 bytes.</exception>
    public Signature(ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, byte recoveryId)
    {
        if (r32.Length != ScalarSize)
        {
            throw new ArgumentException($"r must be {ScalarSize} bytes, not {r32.Length}.", nameof(r32));
        }

        if (s32.Length != ScalarSize)
        {
            throw new ArgumentException($"s must be {ScalarSize} bytes, not {s32.Length}.", nameof(s32));
        }

        _rs = new byte[2 * ScalarSize];
        r32.CopyTo(_rs);
        s32.CopyTo(_rs.AsSpan(ScalarSize));
        RecoveryId = recoveryId;
    }

    /// <summary>The 32-byte big-endian r.</summary>
    public ReadOnlySpan<byte> R => _rs.AsSpan(0, ScalarSize);

    /// <summary>The 32-byte big-endian s.</summary>
    public ReadOnlySpan<byte> S => _rs.AsSpan(ScalarSize, ScalarSize);

    /// <summary>The recovery id: the parity of R's y coordinate (0 or 1 for a valid signature).</summary>
    public byte RecoveryId { get; }

    /// <summary>
    /// True if r and s lie in [1, n-1], s ≤ n/2 and the recovery id is 0 or 1 — the form Ethereum accepts
    /// (EIP-2). It does not say the signature matches any particular hash or key.
    /// </summary>
    public bool IsCanonical => Problem() is null;

    /// <summary>Reads the 65-byte r||s||v form, where v is the bare recovery id (0 or 1), not 27/28.</summary>
    /// <exception cref="ArgumentException">The input is not 65 bytes.</exception>
    public static Signature FromBytes(ReadOnlySpan<byte> signature65)
    {
        if (signature65.Length != Size)
        {
            throw new ArgumentException($"A signature is {Size} bytes (r||s||v), not {signature65.Length}.", nameof(signature65));
        }

        return new Signature(signature65[..ScalarSize], signature65[ScalarSize..(2 * ScalarSize)], signature65[2 * ScalarSize]);
    }

    /// <summary>Writes r||s||v into <paramref name="signature65"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 65 bytes.</exception>
    public void CopyTo(Span<byte> signature65)
    {
        if (signature65.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(signature65));
        }

        _rs.CopyTo(signature65);
        signature65[2 * ScalarSize] = RecoveryId;
    }

    /// <summary>Returns r||s||v as a new 65-byte array.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Recovers the signer's public key from the 32-byte hash that was signed (SEC 1 v2, section 4.1.6).</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is not 32 bytes.</exception>
    /// <exception cref="SignatureException">The signature is not canonical (see <see cref="IsCanonical"/>) or no key can be recovered.</exception>
    public PublicKey Recover(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != Keccak256.HashSize)
        {
            throw new ArgumentException($"The hash must be {Keccak256.HashSize} bytes, not {hash32.Length}.", nameof(hash32));
        }

        var problem = Problem();
        if (problem is not null)
        {
            throw new SignatureException(problem);
        }

        Span<byte> publicKey = stackalloc byte[PublicKey.Size];
        if (!Secp256k1Curve.TryRecover(hash32, R, S, RecoveryId, publicKey))
        {
            throw new SignatureException("No public key can be recovered: r is not the x coordinate of a curve point.");
        }

        return PublicKey.FromComputed(publicKey);
    }

    /// <summary>Recovers the signer's address from the 32-byte hash that was signed.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is not 32 bytes.</exception>
    /// <exception cref="SignatureException">The signature is not canonical or no key can be recovered.</exception>
    public Address RecoverAddress(ReadOnlySpan<byte> hash32) => Recover(hash32).Address;

    /// <summary>The r||s||v form as lower-case hex.</summary>
    public override string ToString() => Hex.Encode(ToBytes());

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] Signature? other) =>
        other is not null && RecoveryId == other.RecoveryId && _rs.AsSpan().SequenceEqual(other._rs);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as Signature);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_rs);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    /// <summary>Null for a canonical signature, otherwise a sentence saying what is wrong.</summary>
    internal string? Problem()
    {
        if (!Secp256k1Curve.IsValidScalar(R))
        {
            return "r is outside [1, n-1].";
        }

        if (!Secp256k1Curve.IsValidScalar(S))
        {
            return "s is outside [1, n-1].";
        }

        if (!Secp256k1Curve.IsLowS(S))
        {
            return "s is greater than n/2; only low-S signatures are valid (EIP-2).";
        }

        return RecoveryId > 1 ? $"Recovery id {RecoveryId} is not 0 or 1." : null;
    }
}
