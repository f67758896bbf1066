using System.Net;
using System.Security.Cryptography;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Authentication;

/// <summary>
/// Production mode against an identity provider on loopback: keys from a JWKS URL or from OIDC discovery, RS256
/// and ES256 accepted, the provider's issuer and audience required, symmetric keys refused even when published.
/// </summary>
public sealed class ProductionKeySourceTests : IAsyncLifetime
{
    private StubIdentityProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await StubIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [InlineData("jwks")]
    [InlineData("oidc")]
    public async Task RS256_and_ES256_tokens_of_the_provider_are_accepted(string source)
    {
        await using var api = await StartAsync(source);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", _provider.SignRs256(_provider.Claims()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", _provider.SignEs256(_provider.Claims()))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.GetAsync("/api/v1/me/permissions/notices-write", _provider.SignRs256(_provider.Claims()))).StatusCode);
    }

    [Theory]
    [InlineData("jwks")]
    [InlineData("oidc")]
    public async Task An_HS256_token_is_refused_even_with_a_symmetric_key_the_JWKS_publishes(string source)
    {
        await using var api = await StartAsync(source);

        await ProblemAssert.IsUnauthorizedAsync(await api.GetAsync("/api/v1/me", _provider.SignHs256WithPublishedSecret(_provider.Claims())));
    }

    [Theory]
    [InlineData("iss", "https://idp.example.org")]
    [InlineData("aud", "another-api")]
    public async Task A_provider_token_for_another_audience_or_from_another_issuer_is_refused(string claim, string value)
    {
        await using var api = await StartAsync("jwks");
        var claims = _provider.Claims();
        claims[claim] = value;

        await ProblemAssert.IsUnauthorizedAsync(await api.GetAsync("/api/v1/me", _provider.SignRs256(claims)));
    }

    [Fact]
    public async Task A_token_under_the_providers_key_id_but_signed_by_another_key_is_refused()
    {
        await using var api = await StartAsync("jwks");
        using var attacker = RSA.Create(2048);

        var token = RawJwt.Create(RawJwt.Header("RS256", "rsa-1"), _provider.Claims(),
            input => attacker.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await ProblemAssert.IsUnauthorizedAsync(await api.GetAsync("/api/v1/me", token));
    }

    [Fact]
    public async Task A_development_token_is_refused_in_production_mode()
    {
        await using var dev = await ApiServer.StartAsync();
        await using var api = await StartAsync("jwks", dev.DataFolder);

        await ProblemAssert.IsUnauthorizedAsync(await api.GetAsync("/api/v1/me", dev.Mint(TestAuthorities.Full())));
    }

    private Task<ApiServer> StartAsync(string source, string? dataFolder = null) => ApiServer.StartAsync(
        new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Production",
            ["Verify:PublicBaseUrl"] = "https://bescheide.example.org",
            ["Auth:Issuer"] = _provider.Issuer,
            ["Auth:Audience"] = StubIdentityProvider.Audience,
            [source == "jwks" ? "Auth:JwksUrl" : "Auth:Authority"] = source == "jwks" ? _provider.JwksUrl : _provider.BaseUrl,
        },
        dataFolder);
}
