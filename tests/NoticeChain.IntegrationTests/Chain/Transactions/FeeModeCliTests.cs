using System.Numerics;
using System.Text.Json;
using NoticeChain.Cli;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Keystore;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain.Transactions;

/// <summary><c>noticechain --fees</c>: governance on a zero-fee chain with a key that holds no Ether (decision 0018).</summary>
public sealed class FeeModeCliTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("noticechain-cli-fees-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task With_fees_free_a_governance_key_without_ether_deploys_the_registry_and_registers_an_authority()
    {
        await using var node = await AnvilNode.StartAsync(new AnvilNodeOptions { BaseFeePerGas = 0, GasPrice = 0 });
        using var governance = PrivateKey.Generate();
        var keyFile = WriteKeystore(governance);

        var deploy = await RunAsync(node, "registry", "deploy", "--json", "--fees", "free", "--key-file", keyFile, "--passphrase-file", PassphraseFile());
        Assert.True(deploy.Code == CliApp.Success, deploy.Error);
        var registry = JsonDocument.Parse(deploy.Output).RootElement.GetProperty("registry").GetString()!;
        var register = await RunAsync(node, "issuers", "register", "--id", "05562004-BAU", "--name", "Untere Bauaufsicht Herten",
            "--key", PrivateKey.Generate().Address.ToString(), "--registry", registry, "--fees", "free", "--key-file", keyFile, "--passphrase-file", PassphraseFile());

        Assert.True(register.Code == CliApp.Success, register.Error);
        using var http = new HttpClient();
        var rpc = new EthRpcClient(http, node.RpcUri);
        Assert.Equal(2UL, await rpc.GetTransactionCountAsync(governance.Address));
        Assert.Equal(BigInteger.Zero, await rpc.GetBalanceAsync(governance.Address));
    }

    [Fact]
    public async Task Without_fees_free_the_same_key_cannot_pay_and_nothing_is_sent()
    {
        await using var node = await AnvilNode.StartAsync(new AnvilNodeOptions { BaseFeePerGas = 0, GasPrice = 0 });
        using var governance = PrivateKey.Generate();

        var deploy = await RunAsync(node, "registry", "deploy", "--key-file", WriteKeystore(governance), "--passphrase-file", PassphraseFile());

        Assert.Equal(CliApp.Error, deploy.Code);
        using var http = new HttpClient();
        Assert.Equal(0UL, await new EthRpcClient(http, node.RpcUri).GetTransactionCountAsync(governance.Address, BlockParameter.Pending));
    }

    [Fact]
    public async Task An_unknown_fee_mode_is_a_usage_error_naming_the_choices()
    {
        var result = await RunAsync(null, "registry", "deploy", "--rpc", "http://127.0.0.1:9", "--fees", "cheap");

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains("--fees must be eip1559, legacy or free, got 'cheap'", result.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(AnvilNode? node, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = node is null ? args : [.. args, "--rpc", node.RpcUri.ToString()];
        var code = await CliApp.RunAsync(all, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteKeystore(PrivateKey key)
    {
        var path = Path.Combine(_folder.FullName, $"{key.Address}.json");
        File.WriteAllText(path, Web3Keystore.Encrypt(key, Passphrase, ScryptCost.Light).ToJson());
        return path;
    }

    private string PassphraseFile()
    {
        var path = Path.Combine(_folder.FullName, "passphrase.txt");
        File.WriteAllText(path, Passphrase + "\n");
        return path;
    }
}
