using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NoticeChain.Api.Hosting;
using NoticeChain.Auth;

namespace NoticeChain.Api.Authentication;

/// <summary>Development mode's signing key, loaded (or created at first start) once from the data folder.</summary>
/// <remarks>The API only verifies, so it keeps just the public half in memory after loading.</remarks>
internal sealed class DevSigningKeyProvider : IDisposable
{
    private readonly Lazy<Loaded> _loaded;

    public DevSigningKeyProvider(IOptions<DataOptions> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var path = DevTokenDefaults.KeyFileIn(data.Value.Folder);
        _loaded = new Lazy<Loaded>(() => Load(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The full path of the key file.</summary>
    /// <exception cref="DevSigningKeyException">The file is unusable.</exception>
    public string FilePath => _loaded.Value.FilePath;

    /// <summary>The public key that verifies development tokens, with the file's key id.</summary>
    /// <exception cref="DevSigningKeyException">The file is unusable.</exception>
    public ECDsaSecurityKey VerificationKey => _loaded.Value.Key;

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Key.ECDsa.Dispose();
        }
    }

    private static Loaded Load(string path)
    {
        using var key = DevSigningKey.LoadOrCreate(path);
        var verifier = ECDsa.Create(key.ExportPublicParameters());
        return new Loaded(key.FilePath, new ECDsaSecurityKey(verifier) { KeyId = key.KeyId });
    }

    private sealed record Loaded(string FilePath, ECDsaSecurityKey Key);
}
