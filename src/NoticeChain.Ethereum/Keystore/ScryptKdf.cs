using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>scrypt (RFC 7914) as a keystore KDF: <c>"kdf": "scrypt"</c> with <c>n</c>, <c>r</c>, <c>p</c>, <c>dklen</c>, <c>salt</c>.</summary>
/// <remarks>
/// <para>
/// scrypt needs 128·n·r bytes of memory and time proportional to n·r·p, and the file chooses n, r and p.
/// A hostile or corrupted file could therefore ask for terabytes, so the parameters are bounded before
/// anything is derived: 128·n·r and 128·r·p at most <see cref="MaxMemoryBytes"/> (256 MiB, exactly what
/// the standard n = 2^18, r = 8 needs) and 128·n·r·p at most <see cref="MaxWorkBytes"/> (four times the
/// standard cost).
/// </para>
/// <para>
/// The derivation runs in BouncyCastle, whose API takes arrays: the passphrase is copied into one, which
/// is zeroed afterwards, but BouncyCastle's own intermediate buffers are beyond our reach.
/// </para>
/// </remarks>
public sealed class ScryptKdf : KeystoreKdf
{
    /// <summary>The name written in <c>crypto.kdf</c>.</summary>
    public const string KdfName = "scrypt";

    /// <summary>The most memory (128·n·r bytes, and 128·r·p bytes) a file may ask for: 256 MiB.</summary>
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    /// <summary>The most work (128·n·r·p) a file may ask for: four times the standard n = 2^18, r = 8, p = 1.</summary>
    public const long MaxWorkBytes = 4 * MaxMemoryBytes;

    internal ScryptKdf(int n, int r, int p, ReadOnlySpan<byte> salt)
        : base(salt)
    {
        N = n;
        R = r;
        P = p;
    }

    /// <inheritdoc />
    public override string Name => KdfName;

    /// <summary>The CPU/memory cost <c>n</c>, a power of two.</summary>
    public int N { get; }

    /// <summary>The block size <c>r</c>.</summary>
    public int R { get; }

    /// <summary>The parallelisation <c>p</c>.</summary>
    public int P { get; }

    /// <summary>Creates the KDF from a file's values, throwing <see cref="KeystoreException"/> naming the first parameter out of bounds.</summary>
    internal static ScryptKdf FromFile(long n, long r, long p, ReadOnlySpan<byte> salt)
    {
        if (Check(n, r, p) is { } error)
        {
            string field = "crypto.kdfparams." + error.Parameter;
            throw new KeystoreException($"{field} is out of bounds: {error.Message}", field);
        }

        CheckSalt(salt.Length);
        return new ScryptKdf((int)n, (int)r, (int)p, salt);
    }

    /// <summary>Returns the first violated bound, or null when n, r and p are acceptable.</summary>
    internal static (string Parameter, string Message)? Check(long n, long r, long p)
    {
        if (n < 2 || n > int.MaxValue || (n & (n - 1)) != 0)
        {
            return ("n", $"scrypt n must be a power of two greater than 1, not {n}.");
        }

        if (r < 1 || r > int.MaxValue)
        {
            return ("r", $"scrypt r must be at least 1, not {r}.");
        }

        if (p < 1 || p > int.MaxValue)
        {
            return ("p", $"scrypt p must be at least 1, not {p}.");
        }

        // RFC 7914 section 2: n must be less than 2^(128·r/8); only r = 1 (n < 65536) is reachable here.
        if (r == 1 && n >= 1 << 16)
        {
            return ("n", $"scrypt n must be less than 65536 when r is 1, not {n}.");
        }

        Int128 memory = (Int128)128 * n * r;
        if (memory > MaxMemoryBytes)
        {
            return ("n", $"scrypt memory 128·n·r = {memory} bytes exceeds the limit of {MaxMemoryBytes} bytes.");
        }

        if ((Int128)128 * r * p > MaxMemoryBytes)
        {
            return ("p", $"scrypt memory 128·r·p = {(Int128)128 * r * p} bytes exceeds the limit of {MaxMemoryBytes} bytes.");
        }

        // RFC 7914 section 2 requires p ≤ (2^32 - 1)·32 / (128·r); BouncyCastle, which counts in a 32-bit int,
        // accepts only p ≤ (2^31 - 1) / (1024·r). The memory bound above leaves exactly 128·r·p = 2^28 in between.
        if (p > int.MaxValue / (1024 * r))
        {
            return ("p", $"scrypt p must be at most {int.MaxValue / (1024 * r)} when r is {r}, not {p}.");
        }

        if (memory * p > MaxWorkBytes)
        {
            return ("p", $"scrypt work 128·n·r·p = {memory * p} exceeds the limit of {MaxWorkBytes}.");
        }

        return null;
    }

    /// <inheritdoc />
    internal override void DeriveKey(ReadOnlySpan<byte> passphrase, Span<byte> derivedKey32)
    {
        var password = passphrase.ToArray();
        byte[]? key = null;
        try
        {
            key = SCrypt.Generate(password, Salt.ToArray(), N, R, P, DerivedKeyLength);
            key.CopyTo(derivedKey32);
        }
        catch (ArgumentException exception)
        {
            // A backstop: Check mirrors BouncyCastle's own parameter checks, so this is only reached if they drift apart.
            throw new KeystoreException(
                $"crypto.kdfparams are refused by the scrypt implementation: {exception.Message}", "crypto.kdfparams", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            if (key is not null)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }
}
