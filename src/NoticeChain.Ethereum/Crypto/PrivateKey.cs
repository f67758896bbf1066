using System.Diagnostics;
using System.Security.Cryptography;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>A secp256k1 private key: a secret scalar d with 0 &lt; d &lt; n.</summary>
/// <remarks>
/// <para>
/// Keys are secrets, so this type is careful by default: it never prints itself (<see cref="ToString"/>
/// returns <c>[redacted]</c>), error messages never contain key material, the secret lives in a pinned
/// array that the garbage collector cannot move and copy, and <see cref="Dispose"/> zeroes it. Getting
/// the bytes out takes an explicit call to <see cref="CopyTo"/> or <see cref="ExportBytes"/>, which only
/// keystore writing should need. The debugger does not show the bytes either.
/// </para>
/// <para>
/// Dispose every key as soon as it is no longer needed. A key that is never disposed is zeroed by its
/// finalizer, but only whenever the garbage collector gets to it, which may be much later or, at process
/// exit, never; until then the secret stays readable in memory (and in a crash dump).
/// </para>
/// <para>
/// Signatures are deterministic (RFC 6979 with HMAC-SHA256): the same key and hash always give the same
/// signature, so signing needs no randomness that could leak the key, and tests can pin exact bytes.
/// </para>
/// </remarks>
public sealed class PrivateKey : IDisposable
{
    /// <summary>Size of a private key in bytes.</summary>
    public const int Size = Secp256k1Curve.ScalarSize;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _key;
    private bool _disposed;

    private PrivateKey(ReadOnlySpan<byte> key32)
    {
        _key = GC.AllocateArray<byte>(Size, pinned: true);
        key32.CopyTo(_key);
        Span<byte> publicKey = stackalloc byte[PublicKey.Size];
        Secp256k1Curve.DerivePublicKey(_key, publicKey);
        PublicKey = PublicKey.FromComputed(publicKey);
    }

    /// <summary>The public key d·G. It is not secret and stays available after disposal.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The account address of this key.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>Creates a key from 32 big-endian bytes. The input is copied; the caller should clear its own copy.</summary>
    /// <exception cref="ArgumentException">The input is not 32 bytes, or is zero or not below the group order n.</exception>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != Size)
        {
            throw new ArgumentException($"A private key is {Size} bytes, not {key32.Length}.", nameof(key32));
        }

        if (!Secp256k1Curve.IsValidScalar(key32))
        {
            throw new ArgumentException("A private key must be greater than zero and less than the secp256k1 group order.", nameof(key32));
        }

        return new PrivateKey(key32);
    }

    /// <summary>Creates a key from 64 hex digits with an optional <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits.</exception>
    /// <exception cref="ArgumentException">The value is zero or not below the group order n.</exception>
    public static PrivateKey FromHex(ReadOnlySpan<char> hex)
    {
        Span<byte> key = stackalloc byte[Size];
        try
        {
            if (!Hex.TryDecode(hex, key))
            {
                throw new FormatException($"A private key is {2 * Size} hexadecimal digits, optionally prefixed with 0x.");
            }

            return FromBytes(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Generates a new key from the operating system's cryptographic random number generator.</summary>
    /// <remarks>Candidates outside [1, n-1] are discarded and redrawn (probability about 2^-128 each).</remarks>
    public static PrivateKey Generate()
    {
        Span<byte> key = stackalloc byte[Size];
        try
        {
            do
            {
                RandomNumberGenerator.Fill(key);
            }
            while (!Secp256k1Curve.IsValidScalar(key));

            return new PrivateKey(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Signs a 32-byte hash (normally a Keccak-256 digest) with RFC 6979 deterministic k, returning a
    /// low-S signature (EIP-2) with its recovery id.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public Signature Sign(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != Keccak256.HashSize)
        {
            throw new ArgumentException($"The hash must be {Keccak256.HashSize} bytes, not {hash32.Length}.", nameof(hash32));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> publicKey = stackalloc byte[PublicKey.Size];
        PublicKey.CopyTo(publicKey);
        Span<byte> r = stackalloc byte[Secp256k1Curve.ScalarSize];
        Span<byte> s = stackalloc byte[Secp256k1Curve.ScalarSize];
        byte recoveryId = Secp256k1Curve.Sign(_key, publicKey, hash32, r, s);
        return new Signature(r, s, recoveryId);
    }

    /// <summary>Exports the secret: writes the 32 key bytes into <paramref name="key32"/>.</summary>
    /// <remarks>Only keystore writing should need this; clear the destination when done.</remarks>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public void CopyTo(Span<byte> key32)
    {
        if (key32.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(key32));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        _key.CopyTo(key32);
    }

    /// <summary>Exports the secret as a new 32-byte array.</summary>
    /// <remarks>Prefer <see cref="CopyTo"/> into a buffer you control and clear; a returned array is yours to zero.</remarks>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public byte[] ExportBytes()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Zeroes the key bytes of a key that was never disposed, as a last resort.</summary>
    ~PrivateKey()
    {
        CryptographicOperations.ZeroMemory(_key);
    }

    /// <summary>Zeroes the key bytes. Signing and export fail afterwards; the public key stays available.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>Always <c>[redacted]</c>: a private key must never reach a log or an exception message.</summary>
    public override string ToString() => "[redacted]";
}
