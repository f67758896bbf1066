namespace NoticeChain.Ethereum.Keystore;

/// <summary>
/// The key derivation function of a keystore file (<c>crypto.kdf</c> and <c>crypto.kdfparams</c>): it
/// stretches the passphrase into the 32-byte key that checks the MAC and decrypts the secret.
/// </summary>
/// <remarks>
/// Instances only exist with parameters inside this library's bounds, so deriving can never be asked for
/// gigabytes of memory or hours of CPU by a hostile file: the bounds are checked while parsing, before any
/// work is done. The two implementations are <see cref="ScryptKdf"/> (written and read) and
/// <see cref="Pbkdf2Kdf"/> (read only, because the specification's own test vector uses it).
/// </remarks>
public abstract class KeystoreKdf
{
    /// <summary>The derived key length (<c>dklen</c>) this library accepts: 16 bytes of AES key, 16 of MAC key.</summary>
    public const int DerivedKeyLength = 32;

    /// <summary>The longest salt accepted, in bytes; real files use 32.</summary>
    public const int MaxSaltLength = 1024;

    private readonly byte[] _salt;

    private protected KeystoreKdf(ReadOnlySpan<byte> salt)
    {
        _salt = salt.ToArray();
    }

    /// <summary>The name written in <c>crypto.kdf</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The salt (<c>crypto.kdfparams.salt</c>).</summary>
    public ReadOnlyMemory<byte> Salt => _salt;

    /// <summary>Derives the 32-byte key from the passphrase's bytes.</summary>
    internal abstract void DeriveKey(ReadOnlySpan<byte> passphrase, Span<byte> derivedKey32);

    /// <summary>Checks a salt length read from a file.</summary>
    internal static void CheckSalt(int length)
    {
        if (length is 0 or > MaxSaltLength)
        {
            throw new KeystoreException($"crypto.kdfparams.salt must be 1 to {MaxSaltLength} bytes, not {length}.", "crypto.kdfparams.salt");
        }
    }
}
