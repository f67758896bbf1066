using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>The operations surface of the real API process on a real node: JSON logs, readiness, metrics, and a
/// graceful stop (SIGTERM) that parks what is open and loses nothing.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed partial class OperationsProcessTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_running_api_logs_json_lines_with_event_ids_is_ready_and_counts_what_it_anchored()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        var authority = await bed.AddAuthorityAsync();
        await bed.StartApiAsync();
        using var http = new HttpClient { BaseAddress = bed.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var notices = await bed.SubmitAsync(authority, 20);
        await bed.WaitForReceiptsAsync(notices, TimeSpan.FromSeconds(60));
        await WaitUntilReadyAsync(http);
        foreach (var notice in notices.Take(3))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"api/v1/verify/{notice.Digest}")).StatusCode);
        }

        var metrics = Samples(await http.GetStringAsync("metrics"));
        Assert.Equal(20, metrics[$"noticechain_notices_accepted_total{{authority=\"{authority.Id}\"}}"]);
        Assert.Equal(20, metrics[$"noticechain_notices_anchored_total{{authority=\"{authority.Id}\"}}"]);
        Assert.Equal(0, metrics[$"noticechain_notices_pending{{authority=\"{authority.Id}\"}}"]);
        Assert.Equal(20, metrics["noticechain_batch_size_sum"]);
        Assert.Equal(20, metrics["noticechain_anchor_latency_seconds_count"]);
        Assert.Equal(1, metrics["noticechain_chain_up"]);
        Assert.True(metrics["noticechain_chain_height"] >= 1);
        Assert.True(metrics["noticechain_verify_requests_total{status=\"authentic\"}"] + metrics["noticechain_verify_requests_total{status=\"pending\"}"] >= 3);

        Assert.Equal(0, await bed.Api.StopGracefullyAsync(StopTimeout));

        var secrets = notices.SelectMany(n => new[] { n.Digest.ToString(), n.Digest.ToString().ToUpperInvariant() })
            .Append(authority.Token).Append(await File.ReadAllTextAsync(bed.PassphraseFile)).ToList();
        var lines = bed.Api.RecentOutput.Split(Environment.NewLine).Where(l => l.Length > 0 && !l.StartsWith("----", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var entry = ParseJsonLine(line, bed.Api.RecentOutput);
            var root = entry.RootElement;
            var eventId = root.GetProperty("EventId").GetInt32();
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", root.GetProperty("Timestamp").GetString());
            if (root.GetProperty("Category").GetString()!.StartsWith("NoticeChain.", StringComparison.Ordinal))
            {
                Assert.True(eventId != 0, $"A NoticeChain log line without an event id: {line}");
            }

            Assert.DoesNotContain(secrets, secret => line.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains("\"EventId\":5001", StringComparison.Ordinal) && l.Contains("Stopping with 0 notices pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_while_batches_are_in_flight_parks_them_and_a_restart_anchors_everything_once()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        var authority = await bed.AddAuthorityAsync();

        // A block a second: anchoring transactions wait in the node's pool, so the stop lands with batches broadcast
        // and not yet mined.
        await bed.Chain.Node.SendAsync("evm_setAutomine", "[false]");
        await bed.Chain.Node.SendAsync("evm_setIntervalMining", "[1]");
        await bed.StartApiAsync(new Dictionary<string, string> { ["NOTICECHAIN__Chain__MaxBatchSize"] = "100" });
        var notices = new List<ApiNotice>(await bed.SubmitAsync(authority, 300));
        await bed.WaitForReceiptsAsync([notices[0]], TimeSpan.FromSeconds(60));
        ulong inFlight = 0;
        for (var round = 0; round < 10 && inFlight == 0; round++)
        {
            notices.AddRange(await bed.SubmitAsync(authority, 150));
            inFlight = await PendingInPoolAsync(bed, authority);
        }

        Assert.Equal(0, await bed.Api.StopGracefullyAsync(StopTimeout));
        var stopLine = StopLine().Match(bed.Api.RecentOutput);
        Assert.True(stopLine.Success, bed.Api.RecentOutput);
        output.WriteLine($"Stopped after {notices.Count} notices with {inFlight} transaction(s) in the pool: {stopLine.Value}");

        await bed.Api.RestartAsync();
        var receipts = await bed.WaitForReceiptsAsync(notices, TimeSpan.FromSeconds(120));
        bed.AssertReceiptsVerify(notices, receipts);

        // One more block, so a duplicate still waiting in the pool would show as an event or a nonce.
        await bed.Chain.Node.SendAsync("evm_mine", "[]");
        var anchored = (await bed.AnchoredEventsAsync()).Where(e => e.IssuerId == authority.IssuerId).ToList();
        Assert.Equal(anchored.Count, anchored.Select(e => e.Root).Distinct().Count());
        Assert.Equal((ulong)notices.Count, anchored.Aggregate(0UL, (sum, e) => sum + e.Size));
        var key = authority.Chain.Address;
        Assert.Equal(await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Latest), await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Pending));
        Assert.Equal((ulong)anchored.Count, await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Latest));
    }

    private static JsonDocument ParseJsonLine(string line, string all)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON log line ({e.Message}): {line}{Environment.NewLine}{all}");
        }
    }

    private static Dictionary<string, double> Samples(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Series: l[..l.LastIndexOf(' ')], Value: double.Parse(l[(l.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToDictionary(s => s.Series, s => s.Value, StringComparer.Ordinal);

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await http.GetAsync("health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The API never became ready.");
    }

    private static async Task<ulong> PendingInPoolAsync(EndToEndTestBed bed, ApiAuthority authority)
    {
        for (var attempt = 0; attempt < 75; attempt++)
        {
            var mined = await bed.Rpc.GetTransactionCountAsync(authority.Chain.Address, BlockParameter.Latest);
            var pending = await bed.Rpc.GetTransactionCountAsync(authority.Chain.Address, BlockParameter.Pending);
            if (pending > mined)
            {
                return pending - mined;
            }

            await Task.Delay(20);
        }

        return 0;
    }

    [GeneratedRegex(@"Stopping with \d+ notices pending[^""]*")]
    private static partial Regex StopLine();
}
