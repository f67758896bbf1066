using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>
/// The single seam between NoticeChain and BouncyCastle's secp256k1 arithmetic. Everything here speaks
/// spans of big-endian bytes; no BouncyCastle type leaves this class.
/// </summary>
/// <remarks>
/// <see cref="CustomNamedCurves"/> gives the specialised secp256k1 field implementation, roughly twice as fast
/// as the generic <c>SecNamedCurves</c> one. BouncyCastle only accepts <c>byte[]</c>, so secret inputs are
/// copied into short-lived arrays that are zeroed after use; its immutable <c>BigInteger</c> copies of the
/// scalar cannot be cleared and are left to the garbage collector.
/// </remarks>
internal static class Secp256k1Curve
{
    /// <summary>Size of a scalar (private key, r, s) or a coordinate in bytes.</summary>
    public const int ScalarSize = 32;

    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Parameters.Curve, Parameters.G, Parameters.N, Parameters.H);
    private static readonly BcBigInteger N = Parameters.N;
    private static readonly BcBigInteger HalfN = Parameters.N.ShiftRight(1);
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();
    private static readonly byte[] OrderBytes = ToFixed(N);

    /// <summary>True if the 32 bytes, read as a big-endian integer, lie in [1, n-1].</summary>
    public static bool IsValidScalar(ReadOnlySpan<byte> scalar32)
    {
        if (scalar32.Length != ScalarSize)
        {
            return false;
        }

        return scalar32.IndexOfAnyExcept((byte)0) >= 0 && scalar32.SequenceCompareTo(OrderBytes) < 0;
    }

    /// <summary>True if the 32-byte scalar is at most n/2 (EIP-2 low-S form).</summary>
    public static bool IsLowS(ReadOnlySpan<byte> s32) => ToBigInteger(s32).CompareTo(HalfN) <= 0;

    /// <summary>Computes the public point d·G as x||y.</summary>
    public static void DerivePublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64)
    {
        var d = SecretToBigInteger(privateKey32);
        var point = BaseMultiplier.Multiply(Domain.G, d).Normalize();
        WritePoint(point, publicKey64);
    }

    /// <summary>True if x||y is a finite point on the curve.</summary>
    public static bool IsOnCurve(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != 2 * ScalarSize)
        {
            return false;
        }

        var encoded = new byte[1 + (2 * ScalarSize)];
        encoded[0] = 0x04;
        publicKey64.CopyTo(encoded.AsSpan(1));
        try
        {
            return !Parameters.Curve.DecodePoint(encoded).IsInfinity;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Signs a 32-byte hash with RFC 6979 deterministic k, normalises s to the lower half of the order (EIP-2)
    /// and finds the recovery id by trial recovery against the signer's own public key.
    /// </summary>
    /// <returns>The recovery id, 0 or 1.</returns>
    /// <exception cref="CryptographicException">Neither recovery id reproduces the key (probability about 2^-128).</exception>
    public static byte Sign(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> publicKey64, ReadOnlySpan<byte> hash32, Span<byte> r32, Span<byte> s32)
    {
        var d = SecretToBigInteger(privateKey32);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var rs = signer.GenerateSignature(hash32.ToArray());
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfN) > 0)
        {
            s = N.Subtract(s);
        }

        WriteScalar(r, r32);
        WriteScalar(s, s32);

        Span<byte> candidate = stackalloc byte[2 * ScalarSize];
        for (byte recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            if (TryRecover(hash32, r32, s32, recoveryId, candidate) && candidate.SequenceEqual(publicKey64))
            {
                return recoveryId;
            }
        }

        throw new CryptographicException("No recovery id reproduces the signing key; R.x exceeds the group order.");
    }

    /// <summary>
    /// Recovers the public key from a signature (SEC 1 v2, section 4.1.6) for recovery ids 0 and 1, where R.x = r.
    /// </summary>
    /// <returns>False if r or s is out of range, the recovery id is not 0 or 1, or no valid point results.</returns>
    public static bool TryRecover(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, byte recoveryId, Span<byte> publicKey64)
    {
        if (recoveryId > 1 || !IsValidScalar(r32) || !IsValidScalar(s32) || hash32.Length != ScalarSize)
        {
            return false;
        }

        // Step 1.1-1.3: R has x = r (j = 0) and the y parity given by the recovery id.
        Span<byte> compressed = stackalloc byte[1 + ScalarSize];
        compressed[0] = (byte)(0x02 | recoveryId);
        r32.CopyTo(compressed[1..]);
        ECPoint rPoint;
        try
        {
            rPoint = Parameters.Curve.DecodePoint(compressed.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }

        // Step 1.4 (n·R = O) holds for every point because the cofactor is 1.
        // Step 1.5-1.6: Q = r^-1 (s·R - e·G) = (-e·r^-1)·G + (s·r^-1)·R.
        var r = ToBigInteger(r32);
        var s = ToBigInteger(s32);
        var e = ToBigInteger(hash32);
        var rInverse = r.ModInverse(N);
        var u1 = N.Subtract(e.Mod(N)).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, u1, rPoint, u2).Normalize();
        if (q.IsInfinity)
        {
            return false;
        }

        WritePoint(q, publicKey64);
        return true;
    }

    private static void WritePoint(ECPoint normalized, Span<byte> publicKey64)
    {
        var encoded = normalized.GetEncoded(false);
        encoded.AsSpan(1, 2 * ScalarSize).CopyTo(publicKey64);
    }

    private static void WriteScalar(BcBigInteger value, Span<byte> destination32) =>
        ToFixed(value).CopyTo(destination32);

    private static byte[] ToFixed(BcBigInteger value) =>
        Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(ScalarSize, value);

    private static BcBigInteger ToBigInteger(ReadOnlySpan<byte> bytes) => new(1, bytes.ToArray());

    private static BcBigInteger SecretToBigInteger(ReadOnlySpan<byte> secret32)
    {
        var copy = secret32.ToArray();
        try
        {
            return new BcBigInteger(1, copy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }
}
