using NoticeChain.Besu.GenesisTool;

namespace NoticeChain.Besu.Tests;

/// <summary>The account allowlist the generator writes: governance and the authorities, nothing else, each once.</summary>
public sealed class PermissionsFileTests : IDisposable
{
    private const string Governance = "0x1111111111111111111111111111111111111111";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "noticechain-besu-perm-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_account_allowlist_is_governance_then_each_authority_once_in_lower_case()
    {
        string[] args =
        [
            "generate", "--out", _folder, "--chain-id", "20260", "--evm-version", "paris", "--governance", Governance,
            "--authority", "0x2222222222222222222222222222222222222222", "--authority", "0x3333333333333333333333333333333333333333",
            "--authority", "0x2222222222222222222222222222222222222222", "--authority", Governance,
            "--authority", "0xABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD",
            "--env", "NOTICECHAIN_UID=1000",
        ];
        Assert.Equal(0, ToolCommand.Run(args, new StringWriter(), new StringWriter()));

        var lines = File.ReadAllLines(Path.Combine(_folder, PermissionsFile.FileName));
        var accounts = Assert.Single(lines, l => l.StartsWith("accounts-allowlist=", StringComparison.Ordinal));
        Assert.Equal(
            "accounts-allowlist=[\"0x1111111111111111111111111111111111111111\",\"0x2222222222222222222222222222222222222222\","
            + "\"0x3333333333333333333333333333333333333333\",\"0xabcdefabcdefabcdefabcdefabcdefabcdefabcd\"]",
            accounts);
        var nodes = Assert.Single(lines, l => l.StartsWith("nodes-allowlist=", StringComparison.Ordinal));
        Assert.Equal(5, nodes.Split("enode://").Length - 1);
    }

    [Fact]
    public void Without_authorities_only_governance_may_send()
    {
        string[] args = ["generate", "--out", _folder, "--chain-id", "20260", "--evm-version", "paris", "--governance", Governance, "--env", "NOTICECHAIN_UID=1000"];
        Assert.Equal(0, ToolCommand.Run(args, new StringWriter(), new StringWriter()));

        var text = File.ReadAllText(Path.Combine(_folder, PermissionsFile.FileName));
        Assert.Contains("accounts-allowlist=[\"0x1111111111111111111111111111111111111111\"]\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
