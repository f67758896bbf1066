using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NoticeChain.Api.Hosting;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Hosting;

/// <summary>Every error is RFC 9457 problem+json, none tells anything about the server's insides, and every answer carries the security headers.</summary>
public sealed class ErrorResponseTests
{
    private const string SecretMessage = "connection string Password=hunter2 at /srv/noticechain";

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task An_unhandled_exception_is_a_500_problem_without_its_message_or_stack(string environment)
    {
        await using var api = await ApiServer.StartAsync(environment: environment, mapTestEndpoints: ThrowingEndpoint);

        var response = await api.GetAsync("/test/throws");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorResponseTests", body, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_for_an_authenticated_caller()
    {
        await using var api = await ApiServer.StartAsync();

        var response = await api.GetAsync("/api/v1/nothing-here", api.Mint(TestAuthorities.Full()));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_unknown_path_is_a_401_problem_for_an_anonymous_caller()
    {
        // The fallback policy: nothing is open unless it says so, and anonymous callers cannot map the API.
        await using var api = await ApiServer.StartAsync();

        await ProblemAssert.IsUnauthorizedAsync(await api.GetAsync("/api/v1/nothing-here"), tokenRejected: false);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await using var api = await ApiServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me");
        request.Headers.Authorization = new("Bearer", api.Mint(TestAuthorities.Full()));

        await ProblemAssert.IsProblemAsync(await api.Client.SendAsync(request), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_problem_is_json_even_when_the_client_asks_for_html()
    {
        await using var api = await ApiServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await api.Client.SendAsync(request);

        await ProblemAssert.IsUnauthorizedAsync(response, tokenRejected: false);
    }

    [Fact]
    public async Task Liveness_is_open_and_carries_the_security_headers()
    {
        await using var api = await ApiServer.StartAsync();

        var response = await api.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Refusals_carry_the_security_headers_and_no_server_banner()
    {
        await using var api = await ApiServer.StartAsync();

        var response = await api.GetAsync("/api/v1/me");

        AssertSecurityHeaders(response);
        Assert.Empty(response.Headers.Server);
    }

    private static void ThrowingEndpoint(WebApplication app) =>
        app.MapGet("/test/throws", IResult () => throw new InvalidOperationException(SecretMessage)).AllowAnonymous();

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
