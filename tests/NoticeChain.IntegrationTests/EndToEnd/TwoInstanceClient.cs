using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Receipts;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>What the two-instance test asks either API process over HTTP: submit, fetch receipts, verify.</summary>
/// <remarks><see cref="EndToEndTestBed"/> talks to its one API; here each call names the instance it goes to.</remarks>
public sealed class TwoInstanceClient : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Submits <paramref name="count"/> notices of random documents through <c>POST /api/v1/notices/batch</c> of
    /// <paramref name="api"/> and asserts they are accepted.</summary>
    public async Task<IReadOnlyList<ApiNotice>> SubmitAsync(ApiProcess api, ApiAuthority authority, int count)
    {
        var digests = Enumerable.Range(0, count).Select(_ => Digest.Compute(RandomNumberGenerator.GetBytes(48))).ToList();
        var body = JsonSerializer.Serialize(new
        {
            notices = digests.Select((d, i) => new { digest = d.ToString(), reference = $"FAILOVER-{i:D6}" }),
        });
        using var request = Request(api, HttpMethod.Post, "api/v1/notices/batch", authority);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Batch answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        var ids = document.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        return [.. digests.Select((d, i) => new ApiNotice(authority, ids[i], d))];
    }

    /// <summary>Waits until <paramref name="api"/> has a receipt for every notice; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyDictionary<string, Receipt>> WaitForReceiptsAsync(ApiProcess api, IReadOnlyList<ApiNotice> notices, TimeSpan timeout)
    {
        var receipts = new Dictionary<string, Receipt>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var notice in notices.Where(n => !receipts.ContainsKey(n.Id)).ToList())
            {
                if (await ReceiptAsync(api, notice) is not { } receipt)
                {
                    break;
                }

                receipts[notice.Id] = receipt;
            }

            if (receipts.Count == notices.Count)
            {
                return receipts;
            }

            Assert.True(
                clock.Elapsed < timeout,
                $"{notices.Count - receipts.Count} of {notices.Count} notices not anchored after {timeout.TotalSeconds:0} s. API output:{Environment.NewLine}{api.RecentOutput}");
            await Task.Delay(300);
        }
    }

    /// <summary>The <c>status</c> of each digest as <c>POST /api/v1/verify</c> of <paramref name="api"/> answers it.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(ApiProcess api, IReadOnlyList<Digest> digests)
    {
        var statuses = new List<string>(digests.Count);
        foreach (var chunk in digests.Chunk(1000))
        {
            var body = JsonSerializer.Serialize(new { digests = chunk.Select(d => d.ToString()) });
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(new Uri(api.BaseAddress, "api/v1/verify"), content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"verify answered {(int)response.StatusCode}: {text}");
            using var document = JsonDocument.Parse(text);
            statuses.AddRange(document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!));
        }

        return statuses;
    }

    public void Dispose() => _http.Dispose();

    private async Task<Receipt?> ReceiptAsync(ApiProcess api, ApiNotice notice)
    {
        using var request = Request(api, HttpMethod.Get, $"api/v1/notices/{notice.Id}/receipt", notice.Authority);
        using var response = await _http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET receipt answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return Receipt.Parse(bytes);
    }

    private static HttpRequestMessage Request(ApiProcess api, HttpMethod method, string path, ApiAuthority authority)
    {
        var request = new HttpRequestMessage(method, new Uri(api.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authority.Token);
        return request;
    }
}
