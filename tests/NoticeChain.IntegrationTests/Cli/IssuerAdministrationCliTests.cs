using System.Text.Json;
using NoticeChain.Cli;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Keystore;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Cli;

/// <summary>
/// The <c>noticechain</c> registry and issuer commands, run in-process against Anvil: what governance does
/// from the command line, and that the chain (not the tool) refuses everyone else.
/// </summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class IssuerAdministrationCliTests(AnvilFixture fixture) : IDisposable
{
    private const string Passphrase = "correct horse battery staple";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("noticechain-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Governance_deploys_registers_rotates_retires_and_lists_an_authority()
    {
        var governance = WriteKeystore("governance.json", AnvilNode.DevAccountPrivateKeys[0]);
        var registry = await DeployAsync(governance);
        var firstKey = PrivateKey.Generate().Address;
        var secondKey = PrivateKey.Generate().Address;

        var register = await RunAsync("issuers", "register", "--id", "05562004-BAU", "--name", "Untere Bauaufsicht Herten",
            "--key", firstKey.ToString(), "--registry", registry, "--key-file", governance, "--passphrase-file", PassphraseFile());
        Assert.Equal(CliApp.Success, register.Code);
        Assert.Contains("Registered Untere Bauaufsicht Herten", register.Output, StringComparison.Ordinal);

        var rotate = await RunAsync("issuers", "rotate", "--id", "05562004-BAU", "--new-key", secondKey.ToString(),
            "--registry", registry, "--key-file", governance, "--passphrase-file", PassphraseFile());
        Assert.Equal(CliApp.Success, rotate.Code);

        var listed = await ListAsync(registry);
        var issuer = Assert.Single(listed.GetProperty("issuers").EnumerateArray());
        Assert.Equal("Untere Bauaufsicht Herten", issuer.GetProperty("name").GetString());
        Assert.Equal(Hex(Keccak256.Hash("05562004-BAU"u8)), issuer.GetProperty("issuerId").GetString());
        Assert.Equal(secondKey.ToString(), issuer.GetProperty("currentKey").GetString());
        Assert.Equal([firstKey.ToString(), secondKey.ToString()], issuer.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, issuer.GetProperty("retiredAt").ValueKind);

        var retire = await RunAsync("issuers", "retire", "--id", "05562004-BAU",
            "--registry", registry, "--key-file", governance, "--passphrase-file", PassphraseFile());
        Assert.Equal(CliApp.Success, retire.Code);
        var afterRetire = Assert.Single((await ListAsync(registry)).GetProperty("issuers").EnumerateArray());
        Assert.Equal(JsonValueKind.String, afterRetire.GetProperty("retiredAt").ValueKind);
    }

    [Fact]
    public async Task A_key_that_is_not_governance_cannot_register_a_fake_authority()
    {
        var governance = WriteKeystore("governance.json", AnvilNode.DevAccountPrivateKeys[0]);
        var attacker = WriteKeystore("attacker.json", AnvilNode.DevAccountPrivateKeys[1]);
        var registry = await DeployAsync(governance);

        var result = await RunAsync("issuers", "register", "--id", "FAKE-SCHOOL", "--name", "Gymnasium Musterstadt",
            "--key", PrivateKey.Generate().Address.ToString(), "--registry", registry, "--key-file", attacker, "--passphrase-file", PassphraseFile());

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains("NotGovernance", result.Error, StringComparison.Ordinal);
        Assert.Empty((await ListAsync(registry)).GetProperty("issuers").EnumerateArray());
    }

    [Fact]
    public async Task Registering_a_second_authority_with_a_used_key_is_rejected_by_the_registry()
    {
        var governance = WriteKeystore("governance.json", AnvilNode.DevAccountPrivateKeys[0]);
        var registry = await DeployAsync(governance);
        var key = PrivateKey.Generate().Address.ToString();
        string[] common = ["--registry", registry, "--key-file", governance, "--passphrase-file", PassphraseFile()];

        Assert.Equal(CliApp.Success, (await RunAsync(["issuers", "register", "--id", "A-1", "--name", "Amt A", "--key", key, .. common])).Code);
        var second = await RunAsync(["issuers", "register", "--id", "B-2", "--name", "Amt B", "--key", key, .. common]);

        Assert.Equal(CliApp.Error, second.Code);
        Assert.Contains("rejected", second.Error, StringComparison.Ordinal);
        Assert.Single((await ListAsync(registry)).GetProperty("issuers").EnumerateArray());
    }

    [Theory]
    [InlineData("--key", "0x1234", "is not a non-zero address")]
    [InlineData("--key", "0x0000000000000000000000000000000000000000", "is not a non-zero address")]
    [InlineData("--id", "0x1234", "not 32 bytes of hex")]
    [InlineData("--registry", "registry", "is not an address")]
    public async Task Malformed_arguments_fail_with_a_message_naming_the_option(string option, string value, string message)
    {
        var governance = WriteKeystore("governance.json", AnvilNode.DevAccountPrivateKeys[0]);
        var arguments = new Dictionary<string, string>
        {
            ["--id"] = "X-1",
            ["--name"] = "Amt X",
            ["--key"] = PrivateKey.Generate().Address.ToString(),
            ["--registry"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            ["--key-file"] = governance,
            ["--passphrase-file"] = PassphraseFile(),
        };
        arguments[option] = value;

        var result = await RunAsync(["issuers", "register", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passphrase_fails_without_revealing_the_key()
    {
        var governance = WriteKeystore("governance.json", AnvilNode.DevAccountPrivateKeys[0]);
        var wrong = Path.Combine(_folder.FullName, "wrong.txt");
        await File.WriteAllTextAsync(wrong, "not the passphrase\n");

        var result = await RunAsync("registry", "deploy", "--key-file", governance, "--passphrase-file", wrong);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains("passphrase", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AnvilNode.DevAccountPrivateKeys[0][2..], result.Error + result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unreachable_node_is_reported_in_one_line()
    {
        var governance = WriteKeystore("governance.json", AnvilNode.DevAccountPrivateKeys[0]);

        var result = await RunAsync(["registry", "deploy", "--rpc", "http://127.0.0.1:9", "--key-file", governance, "--passphrase-file", PassphraseFile()], withRpc: false);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.StartsWith("error: Cannot reach the node at http://127.0.0.1:9", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> DeployAsync(string governanceKeyFile)
    {
        var result = await RunAsync("registry", "deploy", "--json", "--key-file", governanceKeyFile, "--passphrase-file", PassphraseFile());
        Assert.True(result.Code == CliApp.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("registry").GetString()!;
    }

    private async Task<JsonElement> ListAsync(string registry)
    {
        var result = await RunAsync("issuers", "list", "--json", "--registry", registry);
        Assert.True(result.Code == CliApp.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.Clone();
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, withRpc: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, bool withRpc)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = withRpc ? [.. args, "--rpc", fixture.Node.RpcUri.ToString()] : args;
        var code = await CliApp.RunAsync(all, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteKeystore(string name, string privateKeyHex)
    {
        var path = Path.Combine(_folder.FullName, name);
        using var key = PrivateKey.FromHex(privateKeyHex);
        File.WriteAllText(path, Web3Keystore.Encrypt(key, Passphrase, ScryptCost.Light).ToJson());
        return path;
    }

    private string PassphraseFile()
    {
        var path = Path.Combine(_folder.FullName, "passphrase.txt");
        File.WriteAllText(path, Passphrase + "\n");
        return path;
    }

    private static string Hex(byte[] bytes) => NoticeChain.Ethereum.Encoding.Hex.Encode(bytes);
}
