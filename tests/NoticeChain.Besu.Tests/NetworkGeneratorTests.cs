using System.Text.Json;
using NoticeChain.Besu.GenesisTool;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Besu.Tests;

public sealed class NetworkGeneratorTests : IDisposable
{
    private const string Governance = "0x1111111111111111111111111111111111111111";
    private const string Authority = "0x2222222222222222222222222222222222222222";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "noticechain-besu-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_genesis_extradata_decodes_to_exactly_the_four_generated_validator_keys()
    {
        var (exitCode, output, _) = Generate("--compiler-json", CompilerJson());
        Assert.Equal(0, exitCode);

        var fromKeys = Enumerable.Range(1, 4).Select(i => KeyOf("validator" + i).Address).ToHashSet();
        using var genesis = ReadJson("genesis.json");
        var extraData = QbftExtraData.Decode(Hex.Decode(genesis.RootElement.GetProperty("extraData").GetString()));

        Assert.True(extraData.IsGenesis);
        Assert.Equal(4, extraData.Validators.Count);
        Assert.True(fromKeys.SetEquals(extraData.Validators));
        Assert.DoesNotContain(KeyOf("rpc").Address, extraData.Validators);
        Assert.Equal(extraData.Validators.OrderBy(a => Convert.ToHexString(a.ToArray()), StringComparer.Ordinal), extraData.Validators);

        // The key files are secrets: the summary names addresses, never key material.
        foreach (var name in new[] { "validator1", "validator2", "validator3", "validator4", "rpc" })
        {
            string keyText = File.ReadAllText(Path.Combine(_folder, "nodes", name, "key"));
            Assert.DoesNotContain(keyText[2..], output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_genesis_matches_the_paris_compiler_setting_and_a_free_gas_qbft_network()
    {
        Assert.Equal(0, Generate("--compiler-json", CompilerJson()).ExitCode);
        using var compiler = JsonDocument.Parse(File.ReadAllText(CompilerJson()));
        Assert.Equal("paris", compiler.RootElement.GetProperty("evmVersion").GetString());

        using var genesis = ReadJson("genesis.json");
        var config = genesis.RootElement.GetProperty("config");
        Assert.Equal(20260UL, config.GetProperty("chainId").GetUInt64());
        Assert.Equal(2, config.GetProperty("qbft").GetProperty("blockperiodseconds").GetInt32());
        Assert.True(config.GetProperty("qbft").GetProperty("epochlength").GetInt64() > 0);
        Assert.True(config.GetProperty("qbft").GetProperty("requesttimeoutseconds").GetInt32() > 2);
        Assert.Equal(0, config.GetProperty("londonBlock").GetInt64());
        Assert.True(config.GetProperty("zeroBaseFee").GetBoolean());
        Assert.False(config.TryGetProperty("shanghaiTime", out _), "paris bytecode has no PUSH0, so the chain must not be Shanghai");
        Assert.False(config.TryGetProperty("cancunTime", out _));
        Assert.Equal("0x0", genesis.RootElement.GetProperty("baseFeePerGas").GetString());
        Assert.Equal(GenesisDocument.BftMixHash, genesis.RootElement.GetProperty("mixHash").GetString());
        Assert.Empty(genesis.RootElement.GetProperty("alloc").EnumerateObject());
    }

    [Theory]
    [InlineData("berlin", false, false)]
    [InlineData("london", true, false)]
    [InlineData("shanghai", true, true)]
    public void Other_evm_versions_map_to_their_milestones(string evmVersion, bool london, bool shanghai)
    {
        Assert.Equal(0, Generate("--evm-version", evmVersion).ExitCode);

        using var genesis = ReadJson("genesis.json");
        var config = genesis.RootElement.GetProperty("config");
        Assert.Equal(london, config.TryGetProperty("londonBlock", out _));
        Assert.Equal(london, config.TryGetProperty("zeroBaseFee", out _));
        Assert.Equal(shanghai, config.TryGetProperty("shanghaiTime", out _));
    }

    [Fact]
    public void An_evm_version_without_a_mapping_is_refused()
    {
        var (exitCode, _, error) = Generate("--evm-version", "cancun");

        Assert.Equal(2, exitCode);
        Assert.Contains("cancun", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Enode_ids_derive_from_the_node_keys_and_every_node_is_allowlisted()
    {
        Assert.Equal(0, Generate("--evm-version", "paris").ExitCode);
        using var network = ReadJson("network.json");
        string permissions = File.ReadAllText(Path.Combine(_folder, "permissions_config.toml"));

        var nodes = network.RootElement.GetProperty("nodes").EnumerateArray().ToArray();
        Assert.Equal(5, nodes.Length);
        foreach (var node in nodes)
        {
            using var key = KeyOf(node.GetProperty("name").GetString()!);
            string enodeId = Convert.ToHexStringLower(key.PublicKey.ToXY());
            Assert.Equal(enodeId, node.GetProperty("enodeId").GetString());
            Assert.Equal(128, enodeId.Length);
            Assert.Equal(key.Address.ToLowerHex(), node.GetProperty("address").GetString());
            Assert.Contains($"\"enode://{enodeId}@{node.GetProperty("ip").GetString()}:30303\"", permissions, StringComparison.Ordinal);
        }

        Assert.Contains($"accounts-allowlist=[\"{Governance}\",\"{Authority}\"]", permissions, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_owner_only_and_not_replaced_without_force()
    {
        Assert.Equal(0, Generate("--evm-version", "paris").ExitCode);
        string keyPath = Path.Combine(_folder, "nodes", "validator1", "key");
        string before = File.ReadAllText(keyPath);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "secrets", "pgpass")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_folder, "secrets")));
        }

        var (again, _, error) = Generate("--evm-version", "paris");
        Assert.Equal(2, again);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(keyPath));

        Assert.Equal(0, Generate("--evm-version", "paris", "--force").ExitCode);
        Assert.NotEqual(before, File.ReadAllText(keyPath));
    }

    [Fact]
    public void Decode_extradata_prints_the_generated_validators()
    {
        Assert.Equal(0, Generate("--evm-version", "paris").ExitCode);
        var output = new StringWriter();

        int exitCode = ToolCommand.Run(["decode-extradata", "--genesis", Path.Combine(_folder, "genesis.json")], output, new StringWriter());

        Assert.Equal(0, exitCode);
        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var expected = Enumerable.Range(1, 4).Select(i => KeyOf("validator" + i).Address.ToLowerHex()).ToHashSet();
        Assert.True(expected.SetEquals(printed));
    }

    [Theory]
    [InlineData("--governance", "0x0000000000000000000000000000000000000000")]
    [InlineData("--authority", "0x12345")]
    [InlineData("--chain-id", "0")]
    [InlineData("--validators", "0")]
    [InlineData("--env", "lower=case")]
    [InlineData("--env", "NAME=$(reboot)")]
    public void Bad_arguments_are_refused_before_anything_is_written(string name, string value)
    {
        var (exitCode, _, error) = Generate("--evm-version", "paris", name, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    private (int ExitCode, string Output, string Error) Generate(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args =
        [
            "generate", "--out", _folder, "--chain-id", "20260", "--governance", Governance, "--authority", Authority,
            "--env", "NOTICECHAIN_UID=1000", .. extra,
        ];
        int exitCode = ToolCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private PrivateKey KeyOf(string node) => PrivateKey.FromHex(File.ReadAllText(Path.Combine(_folder, "nodes", node, "key")));

    private JsonDocument ReadJson(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, file)));

    private static string CompilerJson() => Path.Combine(AppContext.BaseDirectory, "compiler.json");
}
