using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>
/// A stand-in identity provider on real Kestrel at 127.0.0.1: an OIDC discovery document and a JWKS with an RSA,
/// an EC and (wrongly, to test that it is refused) a symmetric key. Named a stub because a real provider cannot be
/// made to publish a symmetric key on demand.
/// </summary>
internal sealed class StubIdentityProvider : IAsyncDisposable
{
    public const string Audience = "noticechain-api-production";

    private readonly WebApplication _app;

    private StubIdentityProvider(WebApplication app, RSA rsa, ECDsa ec, byte[] octSecret)
    {
        _app = app;
        Rsa = rsa;
        Ec = ec;
        OctSecret = octSecret;
        BaseUrl = app.Urls.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string Issuer => BaseUrl;

    public string JwksUrl => BaseUrl + "/jwks.json";

    public RSA Rsa { get; }

    public ECDsa Ec { get; }

    public byte[] OctSecret { get; }

    public static async Task<StubIdentityProvider> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var oct = RandomNumberGenerator.GetBytes(32);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var jwks = Jwks(rsa, ec, oct);
        app.MapGet("/jwks.json", () => Results.Text(jwks, "application/json"));
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, string> { ["issuer"] = baseUrl, ["jwks_uri"] = baseUrl + "/jwks.json" }), "application/json");
        });
        await app.StartAsync();
        return new StubIdentityProvider(app, rsa, ec, oct);
    }

    /// <summary>Claims as the provider issues them for the API: an authority with both scopes, valid for ten minutes.</summary>
    public Dictionary<string, object?> Claims()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object?>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "fachverfahren-bauamt",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 600,
            [TokenClaimNames.Authority] = TestAuthorities.Bauamt.ToString(),
            [TokenClaimNames.Scope] = string.Join(' ', TokenScopes.All),
        };
    }

    public string SignRs256(Dictionary<string, object?> claims) =>
        RawJwt.Create(RawJwt.Header("RS256", "rsa-1"), claims, input => Rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public string SignEs256(Dictionary<string, object?> claims) =>
        RawJwt.Create(RawJwt.Header("ES256", "ec-1"), claims, input => Ec.SignData(input, HashAlgorithmName.SHA256));

    public string SignHs256WithPublishedSecret(Dictionary<string, object?> claims) =>
        RawJwt.Create(RawJwt.Header("HS256", "oct-1"), claims, input => HMACSHA256.HashData(OctSecret, input));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
    }

    private static string Jwks(RSA rsa, ECDsa ec, byte[] oct)
    {
        var rsaKey = rsa.ExportParameters(includePrivateParameters: false);
        var ecKey = ec.ExportParameters(includePrivateParameters: false);
        object[] keys =
        [
            new Dictionary<string, string>
            {
                ["kty"] = "RSA", ["kid"] = "rsa-1", ["use"] = "sig", ["alg"] = "RS256",
                ["n"] = Base64Url.EncodeToString(rsaKey.Modulus), ["e"] = Base64Url.EncodeToString(rsaKey.Exponent),
            },
            new Dictionary<string, string>
            {
                ["kty"] = "EC", ["kid"] = "ec-1", ["use"] = "sig", ["alg"] = "ES256", ["crv"] = "P-256",
                ["x"] = Base64Url.EncodeToString(ecKey.Q.X), ["y"] = Base64Url.EncodeToString(ecKey.Q.Y),
            },
            new Dictionary<string, string>
            {
                ["kty"] = "oct", ["kid"] = "oct-1", ["use"] = "sig", ["alg"] = "HS256", ["k"] = Base64Url.EncodeToString(oct),
            },
        ];
        return JsonSerializer.Serialize(new Dictionary<string, object[]> { ["keys"] = keys });
    }
}
