using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NoticeChain.Auth;

/// <summary>The ES256 (P-256) key that signs development tokens, kept as a private JWK (RFC 7517) in the data folder.</summary>
/// <remarks>
/// <para>
/// The API creates the key at its first start in development mode and verifies tokens with its public half;
/// <c>noticechain token</c> signs with it. Both hosts load it through this class, so the file format has one
/// reader and one writer (decision 0009). The format is a plain JWK so that any JOSE tool (jose, step, jwt.io's
/// libraries) can mint a token with it too.
/// </para>
/// <para>
/// The file is created with mode 600 in a folder with mode 700 and never overwritten; a file that other users
/// can read is refused, as ssh refuses a private key that others can read, because anyone holding it can act
/// for every authority in development. The key id is the RFC 7638 thumbprint, so it changes when the key does.
/// </para>
/// </remarks>
public sealed class DevSigningKey : IDisposable
{
    /// <summary>Size of a signature: r and s, 32 bytes each (RFC 7518 section 3.4).</summary>
    public const int SignatureSize = 64;

    private const int CoordinateSize = 32;

    private readonly ECDsa _key;

    private DevSigningKey(ECDsa key, string keyId, string filePath)
    {
        _key = key;
        KeyId = keyId;
        FilePath = filePath;
    }

    /// <summary>The key id (<c>kid</c>): the RFC 7638 JWK thumbprint of the public key.</summary>
    public string KeyId { get; }

    /// <summary>The full path of the key file.</summary>
    public string FilePath { get; }

    /// <summary>Loads the key from <paramref name="path"/>, creating it first if the file does not exist.</summary>
    /// <remarks>
    /// Creation writes a temporary file and links it into place without overwriting, so when the API and the CLI
    /// start at the same moment, one key wins and both load it.
    /// </remarks>
    /// <exception cref="DevSigningKeyException">The file exists but is not a usable key, or cannot be written.</exception>
    public static DevSigningKey LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            Create(fullPath);
        }

        return Load(fullPath);
    }

    /// <summary>Loads an existing key file.</summary>
    /// <exception cref="DevSigningKeyException">The file is missing, readable by others, or not a P-256 private JWK.</exception>
    public static DevSigningKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' does not exist.");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(fullPath);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new DevSigningKeyException(
                    $"The dev signing key '{fullPath}' is readable or writable by other users; restrict it with 'chmod 600'.");
            }
        }

        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' cannot be read: {e.Message}", e);
        }

        var parameters = ParseJwk(json, fullPath, out var storedKeyId);
        var keyId = Thumbprint(parameters.Q.X!, parameters.Q.Y!);
        if (storedKeyId is not null && storedKeyId != keyId)
        {
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' has kid '{storedKeyId}', but its public key's thumbprint is '{keyId}'.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportParameters(parameters);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' is not a valid P-256 key pair.", e);
        }

        return new DevSigningKey(key, keyId, fullPath);
    }

    /// <summary>The public key, to verify signatures with.</summary>
    public ECParameters ExportPublicParameters() => _key.ExportParameters(includePrivateParameters: false);

    /// <summary>Signs <paramref name="signingInput"/> (a JWS signing input) with ECDSA P-256 and SHA-256.</summary>
    /// <param name="signingInput">The bytes to sign: <c>BASE64URL(header) || '.' || BASE64URL(payload)</c>.</param>
    /// <param name="signature64">Receives r and s, 32 bytes each, as JWS requires (not DER).</param>
    /// <exception cref="ArgumentException"><paramref name="signature64"/> is shorter than 64 bytes.</exception>
    public void Sign(ReadOnlySpan<byte> signingInput, Span<byte> signature64)
    {
        if (signature64.Length < SignatureSize)
        {
            throw new ArgumentException($"An ES256 signature is {SignatureSize} bytes.", nameof(signature64));
        }

        int written = _key.SignData(signingInput, signature64, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        if (written != SignatureSize)
        {
            throw new CryptographicException($"ECDSA P-256 produced a {written}-byte signature.");
        }
    }

    /// <summary>Names the key by its id; never prints key material.</summary>
    public override string ToString() => $"ES256 dev signing key {KeyId} [redacted]";

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static void Create(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string json;
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var parameters = key.ExportParameters(includePrivateParameters: true);
            json = ToJwk(parameters);
            CryptographicOperations.ZeroMemory(parameters.D);
        }

        var temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(json));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process created the key first; its key is the one both will load.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' cannot be created: {e.Message}", e);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string ToJwk(ECParameters parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("kty", "EC");
            writer.WriteString("crv", "P-256");
            writer.WriteString("alg", DevTokenDefaults.Algorithm);
            writer.WriteString("use", "sig");
            writer.WriteString("kid", Thumbprint(parameters.Q.X!, parameters.Q.Y!));
            writer.WriteString("x", Base64Url.EncodeToString(parameters.Q.X));
            writer.WriteString("y", Base64Url.EncodeToString(parameters.Q.Y));
            writer.WriteString("d", Base64Url.EncodeToString(parameters.D));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static ECParameters ParseJwk(string json, string fullPath, out string? keyId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(fullPath, "it is not a JSON object");
            }

            RequireMember(root, "kty", "EC", fullPath);
            RequireMember(root, "crv", "P-256", fullPath);
            if (root.TryGetProperty("alg", out var alg) && alg.GetString() != DevTokenDefaults.Algorithm)
            {
                throw Malformed(fullPath, $"its alg is not {DevTokenDefaults.Algorithm}");
            }

            keyId = root.TryGetProperty("kid", out var kid) ? kid.GetString() : null;
            return new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Coordinate(root, "x", fullPath), Y = Coordinate(root, "y", fullPath) },
                D = Coordinate(root, "d", fullPath),
            };
        }
        catch (JsonException e)
        {
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' is not valid JSON.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new DevSigningKeyException($"The dev signing key '{fullPath}' has a member of the wrong JSON type.", e);
        }
    }

    private static void RequireMember(JsonElement root, string name, string expected, string fullPath)
    {
        if (!root.TryGetProperty(name, out var value) || value.GetString() != expected)
        {
            throw Malformed(fullPath, $"its {name} is not \"{expected}\"");
        }
    }

    private static byte[] Coordinate(JsonElement root, string name, string fullPath)
    {
        if (!root.TryGetProperty(name, out var value) || value.GetString() is not { } text)
        {
            throw Malformed(fullPath, $"it has no \"{name}\"");
        }

        var bytes = new byte[CoordinateSize];
        if (!Base64Url.IsValid(text, out int decodedLength) || decodedLength != CoordinateSize
            || Base64Url.DecodeFromChars(text, bytes) != CoordinateSize)
        {
            throw Malformed(fullPath, $"its \"{name}\" is not {CoordinateSize} bytes of base64url");
        }

        return bytes;
    }

    private static DevSigningKeyException Malformed(string fullPath, string why) =>
        new($"The dev signing key '{fullPath}' is not an ES256 private JWK: {why}.");

    /// <summary>RFC 7638 section 3.2: SHA-256 over the required members in lexicographic order, no white space.</summary>
    private static string Thumbprint(byte[] x32, byte[] y32)
    {
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.EncodeToString(x32)}\",\"y\":\"{Base64Url.EncodeToString(y32)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
