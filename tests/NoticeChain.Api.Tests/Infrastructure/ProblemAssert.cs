using System.Net;
using System.Text.Json;

namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>Checks that a response is an RFC 9457 problem with the expected status.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>401 problem with a Bearer challenge; <paramref name="tokenRejected"/> says whether it carries <c>error="invalid_token"</c>.</summary>
    public static async Task<JsonElement> IsUnauthorizedAsync(HttpResponseMessage response, bool tokenRejected = true)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal(tokenRejected ? "error=\"invalid_token\"" : null, challenge.Parameter);
        return problem;
    }

    /// <summary>403 problem with an RFC 6750 <c>insufficient_scope</c> challenge.</summary>
    public static async Task<JsonElement> IsForbiddenAsync(HttpResponseMessage response)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.Forbidden);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"insufficient_scope\"", challenge.Parameter, StringComparison.Ordinal);
        return problem;
    }
}
