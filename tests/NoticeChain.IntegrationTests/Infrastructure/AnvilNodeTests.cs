using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.IntegrationTests.Infrastructure;

[Collection(AnvilCollectionDefinition.Name)]
public sealed class AnvilNodeTests(AnvilFixture fixture)
{
    // PUSH0 PUSH0 RETURN as creation code: valid from Shanghai on, an invalid opcode before it.
    private const string Push0InitCode = "0x5f5ff3";

    private readonly AnvilNode _node = fixture.Node;

    [Fact]
    public async Task Fixture_node_answers_chain_id_31337_on_loopback()
    {
        var chainId = await _node.SendAsync("eth_chainId");

        Assert.Equal("0x7a69", chainId.GetString());
        Assert.Equal(31337UL, _node.ChainId);
        Assert.Equal("127.0.0.1", _node.RpcUri.Host);
    }

    [Fact]
    public async Task Fixture_node_runs_the_hardfork_the_contracts_are_compiled_for()
    {
        Assert.Equal(CompilerRecipe.Load().EvmVersion, _node.Hardfork);

        var error = await Assert.ThrowsAsync<AnvilRpcException>(() => _node.SendAsync("eth_call", $$"""[{"data":"{{Push0InitCode}}"},"latest"]"""));

        Assert.Contains("NotActivated", error.RpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_started_with_a_later_hardfork_accepts_push0()
    {
        await using var shanghai = await AnvilNode.StartAsync(new AnvilNodeOptions { Hardfork = "shanghai" });

        var result = await shanghai.SendAsync("eth_call", $$"""[{"data":"{{Push0InitCode}}"},"latest"]""");

        Assert.Equal("0x", result.GetString());
    }

    [Fact]
    public async Task Dev_account_zero_is_the_well_known_funded_account()
    {
        var accounts = await _node.SendAsync("eth_accounts");
        var balance = await _node.SendAsync("eth_getBalance", $$"""["{{AnvilNode.DevAccountAddresses[0]}}","latest"]""");

        Assert.Equal(AnvilNode.DevAccountAddresses[0], accounts[0].GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(10, AnvilNode.DevAccountPrivateKeys.Count);
        Assert.NotEqual("0x0", balance.GetString());
    }

    [Fact]
    public async Task Counter_artifact_deploys_and_answers_its_view()
    {
        var counter = ContractArtifact.Load("Counter");
        var initialValue = new byte[32];
        initialValue[31] = 42;
        var deployData = Hex.Encode([.. counter.Bytecode.Span, .. initialValue]);

        var transactionHash = await _node.SendAsync(
            "eth_sendTransaction",
            $$"""[{"from":"{{AnvilNode.DevAccountAddresses[0]}}","data":"{{deployData}}"}]""");
        // eth_sendTransaction returns before the transaction is mined, even with automine: poll for the receipt.
        var receipt = await _node.SendAsync("eth_getTransactionReceipt", $"[{transactionHash.GetRawText()}]");
        for (int attempt = 0; receipt.ValueKind == JsonValueKind.Null && attempt < 200; attempt++)
        {
            await Task.Delay(50);
            receipt = await _node.SendAsync("eth_getTransactionReceipt", $"[{transactionHash.GetRawText()}]");
        }

        var address = receipt.GetProperty("contractAddress").GetString();
        var value = await _node.SendAsync(
            "eth_call",
            $$"""[{"to":"{{address}}","data":"0x{{counter.MethodIdentifiers["value()"]}}"},"latest"]""");
        var code = await _node.SendAsync("eth_getCode", $$"""["{{address}}","latest"]""");

        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(42, int.Parse(value.GetString().AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        Assert.Equal(Hex.Encode(counter.DeployedBytecode.Span), code.GetString());
    }

    [Fact]
    public async Task Disposed_node_has_exited_and_its_port_refuses_connections()
    {
        var node = await AnvilNode.StartAsync(new AnvilNodeOptions { ChainId = 1337 });
        var port = node.RpcUri.Port;
        Assert.Equal("0x539", (await node.SendAsync("eth_chainId")).GetString());

        await node.DisposeAsync();

        Assert.True(node.HasExited);
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task Failed_start_reports_the_output_of_anvil()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AnvilNode.StartAsync(new AnvilNodeOptions { Hardfork = "no-such-fork" }));

        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-fork", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rpc_errors_carry_the_code_and_message_of_the_node()
    {
        var error = await Assert.ThrowsAsync<AnvilRpcException>(() => _node.SendAsync("eth_noSuchMethod"));

        Assert.Equal(-32601, error.Code);
        Assert.False(string.IsNullOrEmpty(error.RpcMessage));
    }

    [Fact]
    public void Recent_output_holds_the_banner_of_the_node()
    {
        Assert.Contains("Listening on 127.0.0.1:" + _node.RpcUri.Port.ToString(CultureInfo.InvariantCulture), _node.RecentOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_time_option_mines_blocks_without_transactions()
    {
        await using var node = await AnvilNode.StartAsync(new AnvilNodeOptions { BlockTimeSeconds = 1 });

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var blockNumber = await node.SendAsync("eth_blockNumber");

        Assert.NotEqual("0x0", blockNumber.GetString());
    }

    [Fact]
    public async Task Json_answers_are_detached_from_the_response_document()
    {
        var block = await _node.SendAsync("eth_getBlockByNumber", """["0x0",false]""");

        Assert.Equal(JsonValueKind.Object, block.ValueKind);
        Assert.Equal("0x0", block.GetProperty("number").GetString());
    }
}
