using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace NoticeChain.Api.CitizenPage;

/// <summary>The citizen page's files, read once from the resources embedded in the API assembly (<c>wwwroot/</c>).</summary>
/// <remarks>
/// <para>
/// Embedded rather than copied next to the program, so the page is served the same from <c>dotnet run</c>, a test's
/// API process and a publish output, whatever the working or content root directory.
/// </para>
/// <para>
/// The assets (scripts, styles, icon) live under <c>/assets/{version}/</c>, where the version is a hash of all of
/// them: a browser may then cache them for good, and a new release changes every URL at once, so an old script can
/// never meet a new module it imports. <c>index.html</c> names them through the placeholder <c>%ASSETS%</c>, which is
/// replaced by that folder here, and is itself revalidated on every load.
/// </para>
/// </remarks>
internal sealed class CitizenPageAssets
{
    /// <summary>The placeholder in <c>index.html</c> for the versioned asset folder.</summary>
    public const string AssetsPlaceholder = "%ASSETS%";

    private const string ResourcePrefix = "wwwroot/";
    private const string PageName = "index.html";
    private const string AssetFolder = "assets/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, CitizenPageFile> _assets;

    private CitizenPageAssets(string version, CitizenPageFile page, Dictionary<string, CitizenPageFile> assets)
    {
        Version = version;
        Page = page;
        _assets = assets;
    }

    /// <summary>The hash of all assets (12 hex digits) that names their folder, <c>/assets/{version}/</c>.</summary>
    public string Version { get; }

    /// <summary>The page, with the asset folder filled in.</summary>
    public CitizenPageFile Page { get; }

    /// <summary>Reads the page and its assets from <paramref name="assembly"/>'s resources.</summary>
    /// <exception cref="InvalidOperationException">The page or an asset is missing, or an asset has a type not served.</exception>
    public static CitizenPageAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild writes the folder separator of the building system into the logical name.
            var name = resource.Replace('\\', '/');
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                files[name[ResourcePrefix.Length..]] = copy.ToArray();
            }
        }

        if (!files.TryGetValue(PageName, out var pageBytes))
        {
            throw new InvalidOperationException($"The citizen page is missing: no embedded resource {ResourcePrefix}{PageName}.");
        }

        var assets = new Dictionary<string, CitizenPageFile>(StringComparer.Ordinal);
        using var versionHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            if (!path.StartsWith(AssetFolder, StringComparison.Ordinal))
            {
                continue;
            }

            var name = path[AssetFolder.Length..];
            versionHash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
            versionHash.AppendData(bytes);
            assets[name] = Create(name, bytes);
        }

        var version = Convert.ToHexStringLower(versionHash.GetHashAndReset())[..12];
        var html = Encoding.UTF8.GetString(pageBytes).Replace(AssetsPlaceholder, "/" + AssetFolder + version, StringComparison.Ordinal);
        return new CitizenPageAssets(version, Create(PageName, Encoding.UTF8.GetBytes(html)), assets);
    }

    /// <summary>The asset called <paramref name="name"/> (e.g. <c>app.js</c>), if there is one.</summary>
    public bool TryGetAsset(string name, out CitizenPageFile asset) => _assets.TryGetValue(name, out asset!);

    private static CitizenPageFile Create(string name, byte[] bytes)
    {
        if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            throw new InvalidOperationException($"The citizen page file {name} has a type the API does not serve.");
        }

        var tag = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        return new CitizenPageFile(bytes, contentType, new EntityTagHeaderValue("\"" + tag + "\""));
    }
}
