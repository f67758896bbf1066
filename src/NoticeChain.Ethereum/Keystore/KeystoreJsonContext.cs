using System.Text.Json.Serialization;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>
/// The wire shape of a version 3 keystore file. Every member is optional here so that a missing field is
/// reported by <see cref="KeystoreJson"/> with its name instead of as a generic deserialisation error.
/// </summary>
/// <remarks>Member order is the order go-ethereum writes: address, crypto, id, version.</remarks>
internal sealed class KeystoreFileDto
{
    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("crypto")]
    public KeystoreCryptoDto? Crypto { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("version")]
    public long? Version { get; set; }
}

/// <summary>The <c>crypto</c> object.</summary>
internal sealed class KeystoreCryptoDto
{
    [JsonPropertyName("cipher")]
    public string? Cipher { get; set; }

    [JsonPropertyName("ciphertext")]
    public string? CipherText { get; set; }

    [JsonPropertyName("cipherparams")]
    public KeystoreCipherParamsDto? CipherParams { get; set; }

    [JsonPropertyName("kdf")]
    public string? Kdf { get; set; }

    [JsonPropertyName("kdfparams")]
    public KeystoreKdfParamsDto? KdfParams { get; set; }

    [JsonPropertyName("mac")]
    public string? Mac { get; set; }
}

/// <summary>The <c>crypto.cipherparams</c> object.</summary>
internal sealed class KeystoreCipherParamsDto
{
    [JsonPropertyName("iv")]
    public string? Iv { get; set; }
}

/// <summary>
/// The <c>crypto.kdfparams</c> object: the union of the scrypt (<c>dklen, n, p, r, salt</c>) and PBKDF2
/// (<c>c, dklen, prf, salt</c>) members, in alphabetical order, which is also how go-ethereum writes them.
/// </summary>
internal sealed class KeystoreKdfParamsDto
{
    [JsonPropertyName("c")]
    public long? C { get; set; }

    [JsonPropertyName("dklen")]
    public long? DkLen { get; set; }

    [JsonPropertyName("n")]
    public long? N { get; set; }

    [JsonPropertyName("p")]
    public long? P { get; set; }

    [JsonPropertyName("prf")]
    public string? Prf { get; set; }

    [JsonPropertyName("r")]
    public long? R { get; set; }

    [JsonPropertyName("salt")]
    public string? Salt { get; set; }
}

/// <summary>Source-generated serialisation for the keystore DTOs: no reflection, trimming-safe.</summary>
/// <remarks>
/// Property names are matched case-insensitively because early go-ethereum files wrote <c>"Crypto"</c>.
/// Numbers must be JSON numbers; a quoted number is malformed.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeystoreFileDto))]
internal sealed partial class KeystoreJsonContext : JsonSerializerContext;
