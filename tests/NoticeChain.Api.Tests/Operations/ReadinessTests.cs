using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NoticeChain.Api.Operations;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Api.Tests.Operations;

/// <summary><c>/health/ready</c> names each check, answers 503 when one fails, and gives away nothing about the setup.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Without_a_chain_the_api_is_ready_when_its_store_answers()
    {
        await using var api = await ApiServer.StartAsync();

        using var response = await api.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("store", check.GetProperty("name").GetString());
        Assert.Equal("ok", check.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unreachable_node_makes_the_api_not_ready_and_the_body_names_the_failing_checks_only()
    {
        var rpcUrl = $"http://127.0.0.1:{ClosedPort()}/secret-api-key-path";
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = rpcUrl,
            ["Chain:Registry"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            ["Health:ChainTimeout"] = "00:00:01",
        });

        using var response = await api.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("not-ready", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("ok", checks["store"].GetProperty("status").GetString());
        Assert.Equal("failing", checks["chain"].GetProperty("status").GetString());
        Assert.Contains("Chain:RpcUrl", checks["chain"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("failing", checks["follower"].GetProperty("status").GetString());
        Assert.DoesNotContain("secret-api-key-path", text, StringComparison.Ordinal);
        Assert.DoesNotContain(api.DataFolder, text, StringComparison.Ordinal);

        // Liveness does not depend on the node.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData(100UL, 90UL, 0UL, 10UL)]
    [InlineData(100UL, 100UL, 0UL, 0UL)]
    [InlineData(90UL, 100UL, 0UL, 0UL)]
    [InlineData(100UL, null, 40UL, 60UL)]
    public void The_follower_lag_is_the_distance_from_the_last_indexed_block_to_the_head(ulong head, ulong? indexed, ulong startBlock, ulong lag)
    {
        var cursor = indexed is { } number ? new ChainCursor(number, new ChainHash(new byte[32])) : null;

        Assert.Equal(lag, FollowerReadinessCheck.Lag(head, cursor, startBlock));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
