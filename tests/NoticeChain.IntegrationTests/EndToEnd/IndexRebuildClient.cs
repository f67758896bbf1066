using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Receipts;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>What the rebuild tests ask an API instance over HTTP: the public verify answers (as JSON text, so two
/// instances' answers compare whole) and the issuing calls the end-to-end bed has no helper for (revoke, supersede).</summary>
public sealed class IndexRebuildClient : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The answer of <c>POST /api/v1/verify/receipt?digest=…</c> for the receipt and its own digest.</summary>
    public async Task<JsonObject> ByReceiptAsync(ApiProcess api, Receipt receipt)
    {
        var uri = new Uri(api.BaseAddress, $"api/v1/verify/receipt?digest={receipt.Digest}");
        using var content = new ByteArrayContent(receipt.ToJsonUtf8Bytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(uri, content);
        return await AnswerAsync(response);
    }

    /// <summary>The answer of <c>GET /api/v1/verify/{digest}</c>.</summary>
    public async Task<JsonObject> ByDigestAsync(ApiProcess api, Digest digest)
    {
        using var response = await _http.GetAsync(new Uri(api.BaseAddress, $"api/v1/verify/{digest}"));
        return await AnswerAsync(response);
    }

    /// <summary>Waits until the instance's chain index covers block <paramref name="head"/>, asking by
    /// <paramref name="receipt"/>; fails after a minute with the API's output.</summary>
    public async Task WaitForIndexedHeadAsync(ApiProcess api, Receipt receipt, ulong head)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ByReceiptAsync(api, receipt);
            if (answer["chainHead"] is JsonObject chainHead && chainHead["blockNumber"]!.GetValue<ulong>() >= head)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                Assert.Fail($"The follower did not index block {head} within a minute. API output:{Environment.NewLine}{api.RecentOutput}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Requests the revocation of <paramref name="notice"/> (reason correction) with a token holding
    /// <c>notices:revoke</c>.</summary>
    public async Task RevokeAsync(ApiProcess api, ApiNotice notice, string token)
    {
        var body = """{"reason":"correction","effectiveAt":"2026-12-01T00:00:00+01:00"}""";
        using var response = await SendAsync(api, HttpMethod.Post, $"api/v1/notices/{notice.Id}/revoke", token, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"revoke answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Registers a new document that supersedes <paramref name="old"/>; returns the new notice.</summary>
    public async Task<ApiNotice> SupersedeAsync(ApiProcess api, ApiNotice old, string token)
    {
        var digest = Digest.Compute(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var body = JsonSerializer.Serialize(new { digest = digest.ToString(), reference = "E2E-REPLACEMENT", supersedes = old.Id });
        using var response = await SendAsync(api, HttpMethod.Post, "api/v1/notices", token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"supersede answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return new ApiNotice(old.Authority, document.RootElement.GetProperty("id").GetString()!, digest);
    }

    /// <summary>Waits until <c>GET /api/v1/notices/{id}</c> shows <paramref name="status"/>.</summary>
    public async Task WaitForNoticeStatusAsync(ApiProcess api, ApiNotice notice, string token, string status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await SendAsync(api, HttpMethod.Get, $"api/v1/notices/{notice.Id}", token, body: null);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET notice answered {(int)response.StatusCode}: {text}");
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.GetProperty("status").GetString() == status)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                Assert.Fail($"Notice not {status} within a minute: {text}. API output:{Environment.NewLine}{api.RecentOutput}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>An answer as the text to compare between instances: every member, with or without <c>noticeId</c>
    /// (which only a store holding the notice rows can name).</summary>
    public static string Comparable(JsonObject answer, bool withNoticeId)
    {
        var copy = (JsonObject)answer.DeepClone();
        if (!withNoticeId)
        {
            copy.Remove("noticeId");
        }

        return copy.ToJsonString();
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(ApiProcess api, HttpMethod method, string path, string token, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(api.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request);
    }

    private static async Task<JsonObject> AnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"verify answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
