using System.Security.Cryptography;
using System.Text.Json;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Auth;

/// <summary>The dev signing key file: created once with owner-only permissions, read back identically, refused when exposed or damaged.</summary>
public sealed class DevSigningKeyTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("noticechain-devkey-");

    private string KeyFile => DevTokenDefaults.KeyFileIn(_data.FullName);

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public void The_key_is_created_as_an_ES256_private_JWK_readable_only_by_its_owner()
    {
        using var key = DevSigningKey.LoadOrCreate(KeyFile);

        Assert.Equal(Path.Combine(_data.FullName, "auth", "dev-signing-key.json"), key.FilePath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(KeyFile)!));
        var jwk = JsonDocument.Parse(File.ReadAllText(KeyFile)).RootElement;
        Assert.Equal("EC", jwk.GetProperty("kty").GetString());
        Assert.Equal("P-256", jwk.GetProperty("crv").GetString());
        Assert.Equal("ES256", jwk.GetProperty("alg").GetString());
        Assert.Equal(key.KeyId, jwk.GetProperty("kid").GetString());
        Assert.Equal(43, jwk.GetProperty("d").GetString()!.Length);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.tmp"));
    }

    [Fact]
    public void Loading_again_gives_the_same_key_and_never_replaces_it()
    {
        string keyId;
        using (var first = DevSigningKey.LoadOrCreate(KeyFile))
        {
            keyId = first.KeyId;
        }

        var written = File.ReadAllText(KeyFile);
        using var second = DevSigningKey.LoadOrCreate(KeyFile);

        Assert.Equal(keyId, second.KeyId);
        Assert.Equal(written, File.ReadAllText(KeyFile));
    }

    [Fact]
    public async Task Processes_creating_the_key_at_the_same_moment_all_end_up_with_one_key()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            using var key = DevSigningKey.LoadOrCreate(KeyFile);
            return key.KeyId;
        })));

        Assert.Single(ids.Distinct());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!));
    }

    [Fact]
    public void The_key_id_is_the_RFC_7638_thumbprint_of_the_public_key()
    {
        using var key = DevSigningKey.LoadOrCreate(KeyFile);
        var q = key.ExportPublicParameters().Q;

        // RFC 7638 section 3.2: required members only, sorted, no white space.
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{System.Buffers.Text.Base64Url.EncodeToString(q.X)}\",\"y\":\"{System.Buffers.Text.Base64Url.EncodeToString(q.Y)}\"}}";
        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))), key.KeyId);
    }

    [Fact]
    public void A_signature_verifies_with_the_public_key_and_is_64_bytes()
    {
        using var key = DevSigningKey.LoadOrCreate(KeyFile);
        var data = "header.payload"u8.ToArray();
        var signature = new byte[DevSigningKey.SignatureSize];

        key.Sign(data, signature);

        using var verifier = ECDsa.Create(key.ExportPublicParameters());
        Assert.True(verifier.VerifyData(data, signature, HashAlgorithmName.SHA256));
        Assert.Throws<ArgumentException>(() => key.Sign(data, new byte[63]));
    }

    [Fact]
    public void The_key_prints_its_id_and_never_its_material()
    {
        using var key = DevSigningKey.LoadOrCreate(KeyFile);
        var d = JsonDocument.Parse(File.ReadAllText(KeyFile)).RootElement.GetProperty("d").GetString()!;

        Assert.Contains(key.KeyId, key.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(d, key.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    public void A_key_file_other_users_can_access_is_refused(UnixFileMode extra)
    {
        DevSigningKey.LoadOrCreate(KeyFile).Dispose();
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var e = Assert.Throws<DevSigningKeyException>(() => DevSigningKey.Load(KeyFile));
        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_is_refused_by_load()
    {
        Assert.Throws<DevSigningKeyException>(() => DevSigningKey.Load(KeyFile));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"kty\":\"RSA\",\"crv\":\"P-256\"}")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-384\"}")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES384\"}")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\",\"d\":\"AAAA\"}")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":1,\"y\":2,\"d\":3}")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"y\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"d\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE\"}")]
    public void A_damaged_key_file_is_refused(string content)
    {
        WriteOwnerOnly(content);

        Assert.Throws<DevSigningKeyException>(() => DevSigningKey.Load(KeyFile));
    }

    [Fact]
    public void A_key_whose_public_half_does_not_match_its_private_half_is_refused()
    {
        DevSigningKey.LoadOrCreate(KeyFile).Dispose();
        var jwk = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(KeyFile))!;
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        jwk["d"] = System.Buffers.Text.Base64Url.EncodeToString(other.ExportParameters(includePrivateParameters: true).D);
        File.Delete(KeyFile);
        WriteOwnerOnly(JsonSerializer.Serialize(jwk));

        Assert.Throws<DevSigningKeyException>(() => DevSigningKey.Load(KeyFile));
    }

    [Fact]
    public void A_key_id_that_is_not_the_keys_thumbprint_is_refused()
    {
        DevSigningKey.LoadOrCreate(KeyFile).Dispose();
        var jwk = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(KeyFile))!;
        jwk["kid"] = "another-key";
        File.Delete(KeyFile);
        WriteOwnerOnly(JsonSerializer.Serialize(jwk));

        var e = Assert.Throws<DevSigningKeyException>(() => DevSigningKey.Load(KeyFile));
        Assert.Contains("thumbprint", e.Message, StringComparison.Ordinal);
    }

    private void WriteOwnerOnly(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, content);
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
