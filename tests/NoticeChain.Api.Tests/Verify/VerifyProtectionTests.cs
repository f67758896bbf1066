using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NoticeChain.Api.Hosting;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Api.Tests.Notices;
using NoticeChain.Core.Notices;
using static NoticeChain.Api.Tests.Verify.VerifyCalls;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>What keeps the public endpoints open but not abusable: anonymous access only there, per-client rate
/// limits, CORS only there, security headers everywhere, and nothing in the logs that links a client to a document.</summary>
public sealed class VerifyProtectionTests(VerifyApiFixture fixture) : IClassFixture<VerifyApiFixture>
{
    private const string Origin = "https://portal.bank.example";

    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task The_verify_endpoints_need_no_token_and_ignore_a_broken_one_while_the_issuing_endpoints_still_need_one()
    {
        var (_, id, digest) = await RegisterAsync(Api, NewDocument());

        AssertStatus(await ByDigestAsync(Api, digest), "pending", "awaiting-anchor");
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync($"{Prefix}/{digest}", "not.a.token")).StatusCode);
        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{id}"), tokenRejected: false);
        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{id}/receipt"), tokenRejected: false);
        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{id}/qr"), tokenRejected: false);
        await ProblemAssert.IsUnauthorizedAsync(
            await Api.Client.PostAsync(NoticesApi.Prefix, new StringContent(NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()), Encoding.UTF8, "application/json")),
            tokenRejected: false);
    }

    [Fact]
    public async Task Every_verify_answer_and_error_carries_the_security_headers_and_is_not_stored_by_caches()
    {
        var answer = await Api.GetAsync($"{Prefix}/{NoticeCaller.RandomDigest()}");
        var error = await Api.GetAsync($"{Prefix}/nonsense");

        foreach (var response in new[] { answer, error })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join("; ", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }

        Assert.True(answer.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("POST", Prefix)]
    [InlineData("POST", Prefix + "/receipt")]
    [InlineData("POST", Prefix + "/file")]
    [InlineData("GET", Prefix + "/0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("GET", Prefix + "/notices/019a0000-0000-7000-8000-000000000000")]
    public async Task A_browser_on_any_site_may_call_the_verify_endpoints_without_credentials(string method, string path)
    {
        var preflight = await PreflightAsync(path, method);

        Assert.True(preflight.IsSuccessStatusCode, $"Preflight answered {(int)preflight.StatusCode}.");
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(method, string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("content-type", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_cross_site_answer_is_readable_but_the_issuing_endpoints_get_no_cors_at_all()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/{NoticeCaller.RandomDigest()}");
        get.Headers.Add("Origin", Origin);
        var answer = await Api.Client.SendAsync(get);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Add("Origin", Origin);
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Api.Mint(TestAuthorities.Full()));
        var issuing = await Api.Client.SendAsync(me);

        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(HttpStatusCode.OK, issuing.StatusCode);
        Assert.False(issuing.Headers.Contains("Access-Control-Allow-Origin"));
        foreach (var (method, path) in new[] { ("POST", NoticesApi.Prefix), ("POST", NoticesApi.Prefix + "/batch"), ("GET", NoticesApi.Prefix + "/019a0000-0000-7000-8000-000000000000") })
        {
            var preflight = await PreflightAsync(path, method, "authorization, content-type");
            Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"), $"{method} {path} answered a preflight with CORS headers.");
            Assert.False(preflight.IsSuccessStatusCode && preflight.Headers.Contains("Access-Control-Allow-Methods"));
        }
    }

    [Fact]
    public async Task Over_the_limit_a_client_gets_429_with_Retry_After_and_the_batch_has_its_own_budget()
    {
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Verify:RateLimit:PermitLimit"] = "2",
            ["Verify:RateLimit:BatchPermitLimit"] = "1",
            ["Verify:RateLimit:Window"] = "01:00:00",
        });
        var path = $"{Prefix}/{NoticeCaller.RandomDigest()}";
        var batch = $$"""{"digests":["{{NoticeCaller.RandomDigest()}}"]}""";

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(path)).StatusCode);
        var refused = await api.GetAsync(path);
        var refusedOther = await api.GetAsync($"{Prefix}/notices/019a0000-0000-7000-8000-000000000000");
        var firstBatch = await PostJsonAsync(api, Prefix, batch);
        var secondBatch = await PostJsonAsync(api, Prefix, batch);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("try again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("No Retry-After in seconds.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
        await ProblemAssert.IsProblemAsync(refusedOther, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, firstBatch.StatusCode);
        await ProblemAssert.IsProblemAsync(secondBatch, HttpStatusCode.TooManyRequests);
        Assert.NotNull(secondBatch.Headers.RetryAfter);

        // The issuing side is not behind the public limit.
        var token = api.Mint(TestAuthorities.Full());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", token)).StatusCode);
        }
    }

    [Fact]
    public async Task No_log_line_at_any_level_names_a_verified_digest_or_notice_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var api = await ApiServer.StartAsync(configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        var chain = new ChainSimulator(api);
        var document = NewDocument();
        var (caller, id, digest) = await RegisterAsync(api, document);
        await chain.ConfirmAsync(await chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey()));
        var receipt = (await api.Services.GetRequiredService<INoticeStore>().GetReceiptAsync(caller.Authority, NoticeId.Parse(id)))!.ToJson();
        var unknown = NoticeCaller.RandomDigest();

        AssertStatus(await GetAnswerAsync(api, $"{Prefix}/{digest}"), "authentic", null);
        AssertStatus(await GetAnswerAsync(api, $"{Prefix}/{digest.ToString().ToUpperInvariant()}"), "authentic", null);
        AssertStatus(await GetAnswerAsync(api, $"{Prefix}/{unknown}?source=qr"), "unknown", "not-registered");
        AssertStatus(await GetAnswerAsync(api, $"{Prefix}/notices/{id}"), "authentic", null);
        Assert.Equal(HttpStatusCode.OK, (await PostJsonAsync(api, $"{Prefix}/receipt?digest={digest}", receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostJsonAsync(api, Prefix, $$"""{"digests":["{{digest}}"]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(api, document)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{Prefix}/{unknown}zz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/?d={digest}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/n/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/n/{id}/{unknown}")).StatusCode);
        await api.DisposeAsync();

        // The capture saw the verify requests, with the route's shape instead of what was asked.
        Assert.Contains(logs.Lines, line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains("/api/v1/verify/{digest}", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("/api/v1/verify/notices/{id}", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("RequestPath:/api/v1/verify/{digest}", StringComparison.Ordinal));
        foreach (var secret in new[] { digest.ToString(), unknown, id })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Before_the_index_has_anything_an_answer_says_it_was_not_checked_against_the_chain()
    {
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Chain:ChainId"] = "1337" });
        var chain = new ChainSimulator(api);
        var (caller, _, digest) = await RegisterAsync(api, NewDocument());
        await chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());

        var answer = await ByDigestAsync(api, digest);

        Assert.False(answer.GetProperty("checkedAgainstChain").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("chainHead").ValueKind);
        Assert.Equal(1337UL, answer.GetProperty("chainId").GetUInt64());
        // The stored receipt names chain 31337, which this service does not check against.
        AssertStatus(answer, "unknown", "root-not-anchored");
    }

    [Fact]
    public async Task An_empty_index_keeps_a_stored_anchor_pending()
    {
        await using var api = await ApiServer.StartAsync();
        var chain = new ChainSimulator(api);
        var (caller, _, digest) = await RegisterAsync(api, NewDocument());
        await chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());

        var answer = await ByDigestAsync(api, digest);

        AssertStatus(answer, "pending", "awaiting-confirmation");
        Assert.False(answer.GetProperty("checkedAgainstChain").GetBoolean());
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string method, string headers = "content-type")
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await Api.Client.SendAsync(request);
    }
}
