using System.Net;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Caller;

/// <summary><c>GET /api/v1/me</c>: what the API makes of the caller's token.</summary>
public sealed class CallerApiTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task Me_reports_the_authority_scopes_and_granted_permissions_of_an_authority_token()
    {
        var me = await GetMeAsync(TestAuthorities.Full());

        Assert.Equal(TestAuthorities.Bauamt.ToString(), me.GetProperty("authority").GetString());
        Assert.Equal([TokenScopes.NoticesRevoke, TokenScopes.NoticesWrite], Strings(me.GetProperty("scopes")));
        Assert.False(me.GetProperty("governance").GetBoolean());
        Assert.Equal(["notices-write", "notices-revoke"], Strings(me.GetProperty("permissions")));
    }

    [Fact]
    public async Task Me_reports_a_governance_token_without_authority()
    {
        var me = await GetMeAsync(new DevTokenRequest(null, [], Governance: true, TimeSpan.FromMinutes(5)));

        Assert.Equal(JsonValueKind.Null, me.GetProperty("authority").ValueKind);
        Assert.Empty(Strings(me.GetProperty("scopes")));
        Assert.True(me.GetProperty("governance").GetBoolean());
        Assert.Equal(["governance"], Strings(me.GetProperty("permissions")));
    }

    [Fact]
    public async Task Me_reports_no_permission_for_a_token_that_only_names_an_authority()
    {
        var me = await GetMeAsync(new DevTokenRequest(TestAuthorities.Bauamt, [], Governance: false, TimeSpan.FromMinutes(5)));

        Assert.Equal(TestAuthorities.Bauamt.ToString(), me.GetProperty("authority").GetString());
        Assert.Empty(Strings(me.GetProperty("permissions")));
    }

    [Fact]
    public async Task An_authenticated_answer_is_not_cacheable()
    {
        var response = await Api.GetAsync("/api/v1/me", Api.Mint(TestAuthorities.Full()));

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private async Task<JsonElement> GetMeAsync(DevTokenRequest request)
    {
        var response = await Api.GetAsync("/api/v1/me", Api.Mint(request));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
