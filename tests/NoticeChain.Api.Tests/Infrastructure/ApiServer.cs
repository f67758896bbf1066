using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>The API as production builds it (<see cref="ApiHost"/>), on real Kestrel at 127.0.0.1 with a free port and a temporary data folder.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo? _ownedData;
    private bool _disposed;

    private ApiServer(WebApplication app, string dataFolder, DirectoryInfo? ownedData)
    {
        _app = app;
        _ownedData = ownedData;
        DataFolder = dataFolder;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the API in development mode unless <paramref name="settings"/> says otherwise.</summary>
    /// <param name="settings">Configuration that overrides the defaults (a null value removes a default).</param>
    /// <param name="dataFolder">An existing data folder to use (kept on dispose); by default a fresh temporary one.</param>
    /// <param name="environment">The ASP.NET Core environment name.</param>
    /// <param name="configure">Changes to the builder before building, e.g. an extra logger provider.</param>
    /// <param name="mapTestEndpoints">Endpoints a test adds to the built application, e.g. one that throws.</param>
    public static async Task<ApiServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        string? dataFolder = null,
        string environment = "Production",
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? mapTestEndpoints = null)
    {
        var owned = dataFolder is null ? Directory.CreateTempSubdirectory("noticechain-api-") : null;
        var folder = dataFolder ?? owned!.FullName;
        try
        {
            var app = Build(settings, folder, environment, configure);
            mapTestEndpoints?.Invoke(app);
            await app.StartAsync();
            return new ApiServer(app, folder, owned);
        }
        catch
        {
            owned?.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Builds the application without starting it, for tests of what happens at start.</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?>? settings, string dataFolder, string environment = "Production", Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ApiHost.CreateBuilder([], environment);
        var merged = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Data:Folder"] = dataFolder,
            ["Auth:Mode"] = "Development",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(merged);
        configure?.Invoke(builder);
        return ApiHost.Build(builder);
    }

    /// <summary>The dev signing key the API created in its data folder.</summary>
    public DevSigningKey LoadDevKey() => DevSigningKey.Load(DevTokenDefaults.KeyFileIn(DataFolder));

    /// <summary>Mints a development token with the API's own key, at the real time shifted by <paramref name="clockShift"/>.</summary>
    public string Mint(DevTokenRequest request, TimeSpan clockShift = default)
    {
        using var key = LoadDevKey();
        return new DevTokenMinter(key, new ShiftedTimeProvider(clockShift)).Mint(request);
    }

    /// <summary>GET with an optional bearer token.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) =>
        SendAsync(path, token is null ? null : new AuthenticationHeaderValue("Bearer", token));

    /// <summary>GET with any <c>Authorization</c> header.</summary>
    public async Task<HttpResponseMessage> SendAsync(string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownedData?.Delete(recursive: true);
    }
}
