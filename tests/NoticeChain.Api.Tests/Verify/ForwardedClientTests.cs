using System.Net;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Api.Tests.Notices;
using static NoticeChain.Api.Tests.Verify.VerifyCalls;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>Whose budget a request spends: the TCP peer's, unless the peer is a configured trusted proxy.</summary>
public sealed class ForwardedClientTests
{
    private static readonly Dictionary<string, string?> OnePerHour = new()
    {
        ["Verify:RateLimit:PermitLimit"] = "1",
        ["Verify:RateLimit:Window"] = "01:00:00",
    };

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored_and_cannot_buy_a_new_budget()
    {
        await using var api = await ApiServer.StartAsync(OnePerHour);

        Assert.Equal(HttpStatusCode.OK, (await GetAsClientAsync(api, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsClientAsync(api, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?>(OnePerHour)
        {
            ["Proxy:TrustedProxies:0"] = "127.0.0.0/8",
            ["Proxy:TrustedProxies:1"] = "::1",
        });

        Assert.Equal(HttpStatusCode.OK, (await GetAsClientAsync(api, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsClientAsync(api, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsClientAsync(api, "203.0.113.1")).StatusCode);
    }

    [Fact]
    public async Task A_proxy_entry_that_is_no_address_or_network_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Proxy:TrustedProxies:0"] = "proxy.example" });
        });

        Assert.Contains("NOTICECHAIN__Proxy__TrustedProxies", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsClientAsync(ApiServer api, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/{NoticeCaller.RandomDigest()}");
        request.Headers.Add("X-Forwarded-For", client);
        return await api.Client.SendAsync(request);
    }
}
