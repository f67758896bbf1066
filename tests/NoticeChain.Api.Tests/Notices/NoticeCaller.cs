using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>An authority's system calling the notice endpoints with a dev token, and what the store holds for it.</summary>
/// <remarks>Each test uses a fresh random authority, so counts of its rows are exact although the tests of a class share one API.</remarks>
internal sealed class NoticeCaller
{
    private readonly ApiServer _api;

    private NoticeCaller(ApiServer api, AuthorityId authority, string token)
    {
        _api = api;
        Authority = authority;
        Token = token;
    }

    public AuthorityId Authority { get; }

    public string Token { get; }

    /// <summary>A new authority whose token carries <paramref name="scopes"/> (both notice scopes by default).</summary>
    public static NoticeCaller Create(ApiServer api, params string[] scopes)
    {
        var authority = new AuthorityId(RandomNumberGenerator.GetBytes(AuthorityId.Size));
        return For(api, authority, scopes);
    }

    /// <summary>Another token of <paramref name="authority"/>.</summary>
    public static NoticeCaller For(ApiServer api, AuthorityId authority, params string[] scopes) =>
        new(api, authority, api.Mint(new DevTokenRequest(authority, scopes.Length == 0 ? TokenScopes.All : scopes, Governance: false, TimeSpan.FromMinutes(10))));

    public static string RandomDigest() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string NoticeJson(string digest, string reference = "AZ-2026-000123") =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["digest"] = digest, ["reference"] = reference });

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? idempotencyKey = null) =>
        PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), idempotencyKey is null ? [] : [idempotencyKey]);

    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, params string[] idempotencyKeys)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        foreach (var key in idempotencyKeys)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyHeader.Name, key);
        }

        return await _api.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _api.GetAsync(path, Token);

    /// <summary>Registers a notice by digest and returns its JSON.</summary>
    public async Task<JsonElement> RegisterAsync(string? digest = null)
    {
        var response = await PostJsonAsync(NoticesApi.Prefix, NoticeJson(digest ?? RandomDigest()));
        return await BodyAsync(response, HttpStatusCode.Accepted);
    }

    /// <summary>The rows the store holds for this authority: notices, idempotency keys and revocation requests.</summary>
    public async Task<long> CountStoredAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_api.DataFolder, NoticeStoreHost.DatabaseFileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM notices WHERE authority = $a)
                 + (SELECT COUNT(*) FROM idempotency_keys WHERE authority = $a)
                 + (SELECT COUNT(*) FROM revocation_requests r JOIN notices n ON n.seq = r.notice_seq WHERE n.authority = $a)
            """;
        command.Parameters.AddWithValue("$a", Authority.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem with <paramref name="status"/> whose <c>errors</c> member names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> AssertFieldProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, status);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors does not name '{field}': {errors}");
        Assert.NotEmpty(messages.EnumerateArray().Select(m => m.GetString()));
        return problem;
    }
}
