using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>
/// A Web3 Secret Storage version 3 keystore file: one private key encrypted under a passphrase with
/// AES-128-CTR, the key derived by scrypt (or, read only, PBKDF2-HMAC-SHA256), authenticated by a
/// Keccak-256 MAC.
/// </summary>
/// <remarks>
/// <para>
/// An instance is always valid: <see cref="Parse(string)"/> checks every field once, including bounds on the
/// KDF's cost, and nothing can change afterwards. Encrypting and decrypting is done by
/// <see cref="Web3Keystore"/>; this type holds no secret, only ciphertext, so it may be logged or stored.
/// </para>
/// <para>
/// Reading and writing files is the caller's business (this library does no I/O); a good name is
/// <c>&lt;id&gt;.json</c>, as the specification suggests.
/// </para>
/// </remarks>
public sealed class KeystoreFile
{
    /// <summary>The only version this library reads and writes (<c>version</c>).</summary>
    public const int CurrentVersion = 3;

    /// <summary>The only cipher this library reads and writes (<c>crypto.cipher</c>).</summary>
    public const string Aes128Ctr = "aes-128-ctr";

    internal const int SecretLength = 32;
    internal const int MacLength = 32;

    private readonly byte[] _iv;
    private readonly byte[] _cipherText;
    private readonly byte[] _mac;

    internal KeystoreFile(Guid id, Address? address, KeystoreKdf kdf, byte[] iv16, byte[] cipherText32, byte[] mac32)
    {
        Id = id;
        Address = address;
        Kdf = kdf;
        _iv = iv16;
        _cipherText = cipherText32;
        _mac = mac32;
    }

    /// <summary>The file's UUID (<c>id</c>), random for files this library writes.</summary>
    public Guid Id { get; }

    /// <summary>The key's address (<c>address</c>), if the file states one; decryption checks that it matches.</summary>
    public Address? Address { get; }

    /// <summary>The 16-byte initial counter block (<c>crypto.cipherparams.iv</c>).</summary>
    public ReadOnlyMemory<byte> Iv => _iv;

    /// <summary>The encrypted 32-byte private key (<c>crypto.ciphertext</c>).</summary>
    public ReadOnlyMemory<byte> CipherText => _cipherText;

    /// <summary>The key derivation function and its parameters (<c>crypto.kdf</c>, <c>crypto.kdfparams</c>).</summary>
    public KeystoreKdf Kdf { get; }

    /// <summary>Keccak-256 of the derived key's second half and the ciphertext (<c>crypto.mac</c>).</summary>
    public ReadOnlyMemory<byte> Mac => _mac;

    /// <summary>Parses and validates keystore JSON.</summary>
    /// <exception cref="KeystoreException">The JSON is malformed, a field is missing, unsupported or out of bounds.</exception>
    public static KeystoreFile Parse(string json) => KeystoreJson.Parse(json);

    /// <summary>Parses and validates keystore JSON given as UTF-8.</summary>
    /// <exception cref="KeystoreException">The JSON is malformed, a field is missing, unsupported or out of bounds.</exception>
    public static KeystoreFile Parse(ReadOnlySpan<byte> utf8Json) => KeystoreJson.Parse(utf8Json);

    /// <summary>The file as compact JSON, in the member order go-ethereum writes.</summary>
    public string ToJson() => KeystoreJson.Serialize(this);
}
