using System.Security.Cryptography;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>PBKDF2 with HMAC-SHA256 as a keystore KDF: <c>"kdf": "pbkdf2"</c> with <c>c</c>, <c>prf</c>, <c>dklen</c>, <c>salt</c>.</summary>
/// <remarks>
/// <para>
/// Read only: the Web3 Secret Storage definition makes PBKDF2 the minimal requirement and its first test
/// vector uses it, but scrypt is far more expensive to brute-force, so new files are always scrypt.
/// The iteration count comes from the file and is capped at <see cref="MaxIterations"/> so a hostile file
/// cannot keep a CPU busy for hours.
/// </para>
/// <para>
/// The derivation uses the platform's PBKDF2 (<see cref="Rfc2898DeriveBytes.Pbkdf2(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte}, int, HashAlgorithmName)"/>)
/// rather than BouncyCastle's: it takes spans, so the passphrase is never copied into an array we cannot
/// clear, and it is several times faster.
/// </para>
/// </remarks>
public sealed class Pbkdf2Kdf : KeystoreKdf
{
    /// <summary>The name written in <c>crypto.kdf</c>.</summary>
    public const string KdfName = "pbkdf2";

    /// <summary>The only pseudo-random function (<c>prf</c>) the specification defines, and so the only one read.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The most iterations a file may ask for.</summary>
    public const int MaxIterations = 10_000_000;

    internal Pbkdf2Kdf(int iterations, ReadOnlySpan<byte> salt)
        : base(salt)
    {
        Iterations = iterations;
    }

    /// <inheritdoc />
    public override string Name => KdfName;

    /// <summary>The iteration count <c>c</c>.</summary>
    public int Iterations { get; }

    /// <summary>Creates the KDF from a file's values, throwing <see cref="KeystoreException"/> naming the first parameter out of bounds.</summary>
    internal static Pbkdf2Kdf FromFile(long iterations, string? prf, ReadOnlySpan<byte> salt)
    {
        if (!string.Equals(prf, HmacSha256, StringComparison.Ordinal))
        {
            throw new KeystoreException($"crypto.kdfparams.prf must be \"{HmacSha256}\".", "crypto.kdfparams.prf");
        }

        if (iterations is < 1 or > MaxIterations)
        {
            throw new KeystoreException($"crypto.kdfparams.c must be 1 to {MaxIterations}, not {iterations}.", "crypto.kdfparams.c");
        }

        CheckSalt(salt.Length);
        return new Pbkdf2Kdf((int)iterations, salt);
    }

    /// <inheritdoc />
    internal override void DeriveKey(ReadOnlySpan<byte> passphrase, Span<byte> derivedKey32) =>
        Rfc2898DeriveBytes.Pbkdf2(passphrase, Salt.Span, derivedKey32[..DerivedKeyLength], Iterations, HashAlgorithmName.SHA256);
}
