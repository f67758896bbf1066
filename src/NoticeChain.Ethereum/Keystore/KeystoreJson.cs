using System.Globalization;
using System.Text.Json;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>
/// Reads and writes the JSON of a version 3 keystore file
/// (https://ethereum.org/en/developers/docs/data-structures-and-encoding/web3-secret-storage/).
/// </summary>
/// <remarks>
/// Reading validates everything once, into a <see cref="KeystoreFile"/> whose every value is within
/// bounds; each failure is a <see cref="KeystoreException"/> naming the field. Hex values may carry a
/// <c>0x</c> prefix and either case; they are written lower-case without prefix, as the specification's
/// examples and go-ethereum do. Unknown members (some wallets add their own) are ignored.
/// </remarks>
internal static class KeystoreJson
{
    /// <summary>The largest document accepted; a real keystore file is well under 1 KiB.</summary>
    public const int MaxLength = 64 * 1024;

    public static KeystoreFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new KeystoreException($"The keystore JSON is longer than {MaxLength} characters.");
        }

        KeystoreFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, KeystoreJsonContext.Default.KeystoreFileDto);
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }

        return FromDto(dto);
    }

    public static KeystoreFile Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxLength)
        {
            throw new KeystoreException($"The keystore JSON is longer than {MaxLength} bytes.");
        }

        KeystoreFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, KeystoreJsonContext.Default.KeystoreFileDto);
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }

        return FromDto(dto);
    }

    public static string Serialize(KeystoreFile file)
    {
        var dto = new KeystoreFileDto
        {
            Address = file.Address is { } address ? Hex.Encode(address.ToArray(), prefix: false) : null,
            Crypto = new KeystoreCryptoDto
            {
                Cipher = KeystoreFile.Aes128Ctr,
                CipherText = Hex.Encode(file.CipherText.Span, prefix: false),
                CipherParams = new KeystoreCipherParamsDto { Iv = Hex.Encode(file.Iv.Span, prefix: false) },
                Kdf = file.Kdf.Name,
                KdfParams = KdfParamsDto(file.Kdf),
                Mac = Hex.Encode(file.Mac.Span, prefix: false),
            },
            Id = file.Id.ToString("D", CultureInfo.InvariantCulture),
            Version = KeystoreFile.CurrentVersion,
        };
        return JsonSerializer.Serialize(dto, KeystoreJsonContext.Default.KeystoreFileDto);
    }

    private static KeystoreException Malformed(JsonException exception) =>
        new($"The keystore is not well-formed JSON of the expected shape (at {exception.Path ?? "$"}).", exception);

    private static KeystoreFile FromDto(KeystoreFileDto? dto)
    {
        if (dto is null)
        {
            throw new KeystoreException("The keystore JSON is null, not an object.");
        }

        if (dto.Version != KeystoreFile.CurrentVersion)
        {
            string found = dto.Version?.ToString(CultureInfo.InvariantCulture) ?? "missing";
            throw new KeystoreException($"version must be {KeystoreFile.CurrentVersion}, not {found}.", "version");
        }

        if (!Guid.TryParseExact(dto.Id, "D", out var id))
        {
            throw new KeystoreException("id must be a UUID such as 3198bc9c-6672-5ab3-d995-4942343ae5b6.", "id");
        }

        Address? address = null;
        if (dto.Address is not null)
        {
            if (!Address.TryParse(dto.Address, out var parsed))
            {
                throw new KeystoreException("address must be 40 hex digits.", "address");
            }

            address = parsed;
        }

        var crypto = dto.Crypto ?? throw Missing("crypto");
        if (!string.Equals(crypto.Cipher, KeystoreFile.Aes128Ctr, StringComparison.Ordinal))
        {
            throw new KeystoreException($"crypto.cipher must be \"{KeystoreFile.Aes128Ctr}\".", "crypto.cipher");
        }

        var iv = FixedHex(crypto.CipherParams?.Iv, AesCtr.BlockSize, "crypto.cipherparams.iv");
        var cipherText = FixedHex(crypto.CipherText, KeystoreFile.SecretLength, "crypto.ciphertext");
        var mac = FixedHex(crypto.Mac, KeystoreFile.MacLength, "crypto.mac");
        var kdf = Kdf(crypto.Kdf, crypto.KdfParams);
        return new KeystoreFile(id, address, kdf, iv, cipherText, mac);
    }

    private static KeystoreKdf Kdf(string? name, KeystoreKdfParamsDto? parameters)
    {
        if (name is not (ScryptKdf.KdfName or Pbkdf2Kdf.KdfName))
        {
            throw new KeystoreException($"crypto.kdf must be \"{ScryptKdf.KdfName}\" or \"{Pbkdf2Kdf.KdfName}\".", "crypto.kdf");
        }

        if (parameters is null)
        {
            throw Missing("crypto.kdfparams");
        }

        if (parameters.DkLen != KeystoreKdf.DerivedKeyLength)
        {
            throw new KeystoreException($"crypto.kdfparams.dklen must be {KeystoreKdf.DerivedKeyLength}.", "crypto.kdfparams.dklen");
        }

        if (parameters.Salt is null || !Hex.TryDecode(parameters.Salt, out var salt))
        {
            throw new KeystoreException("crypto.kdfparams.salt must be hex.", "crypto.kdfparams.salt");
        }

        if (name == ScryptKdf.KdfName)
        {
            return ScryptKdf.FromFile(
                parameters.N ?? throw Missing("crypto.kdfparams.n"),
                parameters.R ?? throw Missing("crypto.kdfparams.r"),
                parameters.P ?? throw Missing("crypto.kdfparams.p"),
                salt);
        }

        return Pbkdf2Kdf.FromFile(parameters.C ?? throw Missing("crypto.kdfparams.c"), parameters.Prf, salt);
    }

    private static byte[] FixedHex(string? text, int length, string field)
    {
        var bytes = new byte[length];
        if (text is null || !Hex.TryDecode(text, bytes))
        {
            throw new KeystoreException($"{field} must be {length * 2} hex digits ({length} bytes).", field);
        }

        return bytes;
    }

    private static KeystoreKdfParamsDto KdfParamsDto(KeystoreKdf kdf) => kdf switch
    {
        ScryptKdf scrypt => new KeystoreKdfParamsDto
        {
            DkLen = KeystoreKdf.DerivedKeyLength,
            N = scrypt.N,
            P = scrypt.P,
            R = scrypt.R,
            Salt = Hex.Encode(scrypt.Salt.Span, prefix: false),
        },
        Pbkdf2Kdf pbkdf2 => new KeystoreKdfParamsDto
        {
            C = pbkdf2.Iterations,
            DkLen = KeystoreKdf.DerivedKeyLength,
            Prf = Pbkdf2Kdf.HmacSha256,
            Salt = Hex.Encode(pbkdf2.Salt.Span, prefix: false),
        },
        _ => throw new InvalidOperationException($"Unknown KDF {kdf.GetType().Name}."),
    };

    private static KeystoreException Missing(string field) => new($"{field} is missing.", field);
}
