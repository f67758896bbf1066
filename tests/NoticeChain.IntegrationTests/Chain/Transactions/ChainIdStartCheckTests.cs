using System.Diagnostics;
using System.Globalization;
using NoticeChain.IntegrationTests.EndToEnd;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain.Transactions;

/// <summary>The API process against a node of another chain than Chain:ChainId says (decision 0018): refused at start
/// when the node answers, stopped at the first contact when it was down at start.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class ChainIdStartCheckTests : IDisposable
{
    /// <summary>Any address: the check runs before anything reads the registry.</summary>
    private const string Registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("noticechain-chainid-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_API_refuses_to_start_against_a_node_of_another_chain()
    {
        await using var node = await AnvilNode.StartAsync(new AnvilNodeOptions { ChainId = 1337 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiProcess.StartAsync(_folder.FullName, Settings(node.RpcUri, chainId: 31337)));

        Assert.Contains("exited with code 2 during start", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            $"Chain:ChainId is 31337, but the node at http://127.0.0.1:{node.RpcUri.Port} answers eth_chainId 1337",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_starts_while_the_node_is_down_and_stops_when_the_node_turns_out_to_be_on_another_chain()
    {
        var port = AnvilNode.FreeLoopbackPort();
        await using var api = await ApiProcess.StartAsync(_folder.FullName, Settings(new Uri($"http://127.0.0.1:{port}/"), chainId: 31337));
        Assert.Contains("cannot be asked for its chain id at start", api.RecentOutput, StringComparison.Ordinal);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        Assert.True((await probe.GetAsync(new Uri(api.BaseAddress, "health/live"))).IsSuccessStatusCode);

        await using var node = await AnvilNode.StartAsync(new AnvilNodeOptions { ChainId = 1337, Port = port });

        Assert.True(await StopsAnsweringAsync(probe, new Uri(api.BaseAddress, "health/live")), api.RecentOutput);
        Assert.Contains("Chain:ChainId is 31337, but the chain node answers eth_chainId 1337", api.RecentOutput, StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        while (api.ExitCode is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, api.ExitCode);
    }

    private static Dictionary<string, string> Settings(Uri rpc, ulong chainId) => new(StringComparer.Ordinal)
    {
        ["NOTICECHAIN__Chain__RpcUrl"] = rpc.ToString(),
        ["NOTICECHAIN__Chain__ChainId"] = chainId.ToString(CultureInfo.InvariantCulture),
        ["NOTICECHAIN__Chain__Registry"] = Registry,
        ["NOTICECHAIN__Chain__PassInterval"] = "00:00:00.200",
    };

    /// <summary>Polls until the API no longer answers; false if it still does after a minute.</summary>
    private static async Task<bool> StopsAnsweringAsync(HttpClient probe, Uri live)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                using var response = await probe.GetAsync(live);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
