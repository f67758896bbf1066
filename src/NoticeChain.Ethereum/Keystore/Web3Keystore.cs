using System.Security.Cryptography;
using System.Text;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>
/// Encrypts a private key into a <see cref="KeystoreFile"/> and decrypts it again, following the Web3
/// Secret Storage Definition version 3
/// (https://ethereum.org/en/developers/docs/data-structures-and-encoding/web3-secret-storage/).
/// </summary>
/// <remarks>
/// <para>
/// Decryption derives the key, then checks <c>mac = keccak256(derivedKey[16..32] ++ ciphertext)</c> in
/// constant time <em>before</em> decrypting, so a wrong passphrase or a tampered file is rejected without
/// ever producing a candidate key; then AES-128-CTR with <c>derivedKey[0..16]</c> and the file's
/// <c>iv</c> recovers the secret. If the file names an address, the decrypted key must have it, as
/// go-ethereum also insists.
/// </para>
/// <para>
/// A string passphrase is used as its UTF-8 bytes without Unicode normalisation, as go-ethereum does
/// (ethers.js applies NFKC first, which changes nothing for ASCII); the byte overloads let a caller that
/// already holds bytes avoid a string. Every temporary copy this class makes of the passphrase, the
/// derived key and the secret is zeroed before returning (BouncyCastle's scrypt buffers are beyond
/// reach; see <see cref="ScryptKdf"/>).
/// </para>
/// </remarks>
public static class Web3Keystore
{
    private const int SaltLength = 32;
    private const int MacKeyOffset = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encrypts a key under a passphrase given as bytes, with scrypt at <see cref="ScryptCost.Standard"/> cost.</summary>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static KeystoreFile Encrypt(PrivateKey key, ReadOnlySpan<byte> passphrase) => Encrypt(key, passphrase, ScryptCost.Standard);

    /// <summary>Encrypts a key under a passphrase (used as UTF-8), with scrypt at <see cref="ScryptCost.Standard"/> cost.</summary>
    /// <exception cref="ArgumentException">The passphrase contains an unpaired surrogate.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static KeystoreFile Encrypt(PrivateKey key, string passphrase) => Encrypt(key, passphrase, ScryptCost.Standard);

    /// <summary>Encrypts a key under a passphrase given as bytes, with scrypt at the given cost and a fresh random salt, iv and id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside the bounds <see cref="ScryptKdf"/> reads.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static KeystoreFile Encrypt(PrivateKey key, ReadOnlySpan<byte> passphrase, ScryptCost cost)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ScryptKdf.Check(cost.N, cost.R, cost.P) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, error.Message);
        }

        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> iv = stackalloc byte[AesCtr.BlockSize];
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(iv);
        return Encrypt(key, passphrase, new ScryptKdf(cost.N, cost.R, cost.P, salt), iv, Guid.NewGuid());
    }

    /// <summary>Encrypts a key under a passphrase (used as UTF-8), with scrypt at the given cost and a fresh random salt, iv and id.</summary>
    /// <exception cref="ArgumentException">The passphrase contains an unpaired surrogate.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside the bounds <see cref="ScryptKdf"/> reads.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public static KeystoreFile Encrypt(PrivateKey key, string passphrase, ScryptCost cost)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var bytes = ToUtf8(passphrase, out int length);
        try
        {
            return Encrypt(key, bytes.AsSpan(0, length), cost);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Decrypts the key with a passphrase given as bytes. The caller owns and disposes the key.</summary>
    /// <exception cref="KeystoreException">
    /// The passphrase is wrong or the file is corrupted (MAC mismatch), or the decrypted key does not match the file's address.
    /// </exception>
    public static PrivateKey Decrypt(KeystoreFile file, ReadOnlySpan<byte> passphrase)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> secret = stackalloc byte[KeystoreFile.SecretLength];
        try
        {
            DecryptSecret(file, passphrase, secret);
            return ToPrivateKey(secret, file.Address);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Decrypts the key with a passphrase (used as UTF-8). The caller owns and disposes the key.</summary>
    /// <exception cref="ArgumentException">The passphrase contains an unpaired surrogate.</exception>
    /// <exception cref="KeystoreException">
    /// The passphrase is wrong or the file is corrupted (MAC mismatch), or the decrypted key does not match the file's address.
    /// </exception>
    public static PrivateKey Decrypt(KeystoreFile file, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var bytes = ToUtf8(passphrase, out int length);
        try
        {
            return Decrypt(file, bytes.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Encrypts with explicit KDF, iv and id; the spec-vector tests use it to reproduce a known file.</summary>
    internal static KeystoreFile Encrypt(PrivateKey key, ReadOnlySpan<byte> passphrase, KeystoreKdf kdf, ReadOnlySpan<byte> iv16, Guid id)
    {
        Span<byte> secret = stackalloc byte[KeystoreFile.SecretLength];
        Span<byte> derivedKey = stackalloc byte[KeystoreKdf.DerivedKeyLength];
        try
        {
            key.CopyTo(secret);
            kdf.DeriveKey(passphrase, derivedKey);
            var cipherText = new byte[KeystoreFile.SecretLength];
            AesCtr.Transform(derivedKey[..AesCtr.KeySize], iv16, secret, cipherText);
            var mac = new byte[KeystoreFile.MacLength];
            ComputeMac(derivedKey, cipherText, mac);
            return new KeystoreFile(id, key.Address, kdf, iv16.ToArray(), cipherText, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(derivedKey);
        }
    }

    /// <summary>Checks the MAC and decrypts the raw 32-byte secret, without interpreting it as a key.</summary>
    internal static void DecryptSecret(KeystoreFile file, ReadOnlySpan<byte> passphrase, Span<byte> secret32)
    {
        Span<byte> derivedKey = stackalloc byte[KeystoreKdf.DerivedKeyLength];
        Span<byte> mac = stackalloc byte[KeystoreFile.MacLength];
        try
        {
            file.Kdf.DeriveKey(passphrase, derivedKey);
            ComputeMac(derivedKey, file.CipherText.Span, mac);
            if (!CryptographicOperations.FixedTimeEquals(mac, file.Mac.Span))
            {
                throw new KeystoreException("Wrong passphrase or corrupted keystore file: the MAC does not match.", "crypto.mac");
            }

            AesCtr.Transform(derivedKey[..AesCtr.KeySize], file.Iv.Span, file.CipherText.Span, secret32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
        }
    }

    /// <summary>mac = keccak256(derivedKey[16..32] ++ ciphertext).</summary>
    internal static void ComputeMac(ReadOnlySpan<byte> derivedKey32, ReadOnlySpan<byte> cipherText32, Span<byte> mac32)
    {
        Span<byte> body = stackalloc byte[(KeystoreKdf.DerivedKeyLength - MacKeyOffset) + KeystoreFile.SecretLength];
        derivedKey32[MacKeyOffset..KeystoreKdf.DerivedKeyLength].CopyTo(body);
        cipherText32.CopyTo(body[(KeystoreKdf.DerivedKeyLength - MacKeyOffset)..]);
        Keccak256.Hash(body, mac32);
        CryptographicOperations.ZeroMemory(body);
    }

    private static PrivateKey ToPrivateKey(ReadOnlySpan<byte> secret32, Address? expectedAddress)
    {
        PrivateKey key;
        try
        {
            key = PrivateKey.FromBytes(secret32);
        }
        catch (ArgumentException)
        {
            throw new KeystoreException("The decrypted secret is not a valid secp256k1 private key.", "crypto.ciphertext");
        }

        if (expectedAddress is { } address && address != key.Address)
        {
            key.Dispose();
            throw new KeystoreException("The file's address does not match the decrypted key.", "address");
        }

        return key;
    }

    private static byte[] ToUtf8(string passphrase, out int length)
    {
        var bytes = new byte[StrictUtf8.GetMaxByteCount(passphrase.Length)];
        try
        {
            length = StrictUtf8.GetBytes(passphrase, bytes);
            return bytes;
        }
        catch (EncoderFallbackException exception)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new ArgumentException("The passphrase is not valid Unicode (unpaired surrogate).", nameof(passphrase), exception);
        }
    }
}
