using System.Net;
using System.Text;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Api.Tests.Notices;
using NoticeChain.Api.Tests.Verify;

namespace NoticeChain.Api.Tests.Operations;

/// <summary><c>/metrics</c> on real Kestrel: a valid exposition whose counters follow what the API did.</summary>
public sealed class MetricsEndpointTests : IClassFixture<DevApiFixture>
{
    private readonly ApiServer _api;

    public MetricsEndpointTests(DevApiFixture fixture) => _api = fixture.Server;

    [Fact]
    public async Task Metrics_are_served_anonymously_as_text_format_0_0_4_and_never_cached()
    {
        using var response = await _api.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var metrics = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());
        foreach (var (name, type) in new[]
        {
            ("noticechain_notices_accepted_total", "counter"), ("noticechain_notices_pending", "gauge"),
            ("noticechain_notices_anchored_total", "counter"), ("noticechain_batch_size", "histogram"),
            ("noticechain_anchor_latency_seconds", "histogram"), ("noticechain_chain_height", "gauge"),
            ("noticechain_follower_lag_blocks", "gauge"), ("noticechain_verify_requests_total", "counter"),
        })
        {
            Assert.Equal(type, metrics.Families[name].Type);
        }

        // No chain is configured: the node is reported down, and there is no height to show.
        Assert.Equal(0, metrics.Value("noticechain_chain_up"));
        Assert.Empty(metrics.Families["noticechain_chain_height"].Samples);
    }

    [Fact]
    public async Task Accepting_anchoring_and_verifying_notices_move_the_counters()
    {
        var caller = NoticeCaller.Create(_api);
        var authority = ("authority", caller.Authority.ToString());
        var digests = Enumerable.Range(0, 3).Select(_ => NoticeCaller.RandomDigest()).ToList();
        var before = await ScrapeAsync();
        foreach (var digest in digests)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await caller.PostJsonAsync("/api/v1/notices", NoticeCaller.NoticeJson(digest))).StatusCode);
        }

        // Submitting the same digest again stores nothing new and counts nothing.
        await caller.PostJsonAsync("/api/v1/notices", NoticeCaller.NoticeJson(digests[0]));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/v1/verify/{digests[0]}")).StatusCode);
        var accepted = await ScrapeAsync();
        Assert.Equal(3, accepted.Value("noticechain_notices_accepted_total", authority));
        Assert.Equal(3, accepted.Value("noticechain_notices_pending", authority));
        Assert.Equal(0, accepted.Value("noticechain_notices_anchored_total", authority));
        Assert.Equal(Verified(before, "pending") + 1, Verified(accepted, "pending"));

        var simulator = new ChainSimulator(_api);
        var batch = await simulator.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await simulator.ConfirmAsync(batch);
        using var verifyMany = new StringContent(JsonSerializer.Serialize(new { digests }), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await _api.Client.PostAsync("/api/v1/verify", verifyMany)).StatusCode);
        var anchored = await ScrapeAsync();

        Assert.Equal(3, anchored.Value("noticechain_notices_anchored_total", authority));
        Assert.Equal(0, anchored.Value("noticechain_notices_pending", authority));
        Assert.Equal(Count(before, "noticechain_batch_size") + 1, Count(anchored, "noticechain_batch_size"));
        Assert.Equal(Sum(before, "noticechain_batch_size") + 3, Sum(anchored, "noticechain_batch_size"));
        Assert.Equal(Count(before, "noticechain_anchor_latency_seconds") + 3, Count(anchored, "noticechain_anchor_latency_seconds"));
        Assert.Equal(Verified(before, "authentic") + 3, Verified(anchored, "authentic"));

        // Seen once, counted once: a later scrape does not count the same batch again.
        Assert.Equal(3, (await ScrapeAsync()).Value("noticechain_notices_anchored_total", authority));
    }

    [Fact]
    public async Task A_restarted_API_does_not_count_batches_anchored_before_it_started()
    {
        var folder = Directory.CreateTempSubdirectory("noticechain-metrics-");
        try
        {
            string authority;
            await using (var first = await ApiServer.StartAsync(dataFolder: folder.FullName))
            {
                var caller = NoticeCaller.Create(first);
                authority = caller.Authority.ToString();
                for (var i = 0; i < 2; i++)
                {
                    Assert.Equal(HttpStatusCode.Accepted, (await caller.PostJsonAsync("/api/v1/notices", NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()))).StatusCode);
                }

                var simulator = new ChainSimulator(first);
                await simulator.ConfirmAsync(await simulator.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey()));
                Assert.Equal(2, (await ScrapeAsync(first)).Value("noticechain_notices_anchored_total", ("authority", authority)));
            }

            await using var second = await ApiServer.StartAsync(dataFolder: folder.FullName);
            var metrics = await ScrapeAsync(second);

            Assert.False(
                metrics.Families["noticechain_notices_anchored_total"].Samples.Any(sample => sample.Value > 0),
                "the batch anchored before the restart was counted again");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_exposition_names_no_digest_or_notice()
    {
        var caller = NoticeCaller.Create(_api);
        var digest = NoticeCaller.RandomDigest();
        using var response = await caller.PostJsonAsync("/api/v1/notices", NoticeCaller.NoticeJson(digest));
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var text = await (await _api.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(digest, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase);
    }

    private static double Verified(PrometheusExposition metrics, string status) =>
        metrics.Value("noticechain_verify_requests_total", ("status", status)) ?? throw new InvalidOperationException($"No {status} sample.");

    private static double Count(PrometheusExposition metrics, string histogram) => metrics.Value(histogram + "_count")!.Value;

    private static double Sum(PrometheusExposition metrics, string histogram) => metrics.Value(histogram + "_sum")!.Value;

    private Task<PrometheusExposition> ScrapeAsync() => ScrapeAsync(_api);

    private static async Task<PrometheusExposition> ScrapeAsync(ApiServer api)
    {
        using var response = await api.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());
    }
}
