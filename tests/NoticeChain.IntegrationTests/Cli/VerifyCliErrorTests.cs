using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeChain.Cli;
using NoticeChain.Core.Receipts;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Cli;

/// <summary>
/// <c>noticechain verify</c> when it cannot answer (exit code 2, one line, no stack trace: wrong chain, unreachable node,
/// malformed receipt, no registry at the address), and <c>noticechain hash</c>.
/// </summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class VerifyCliErrorTests(AnvilFixture fixture) : IDisposable
{
    private readonly VerifyCliHarness _cli = new(fixture);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_registry_address_without_a_contract_is_an_error()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(1);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0);
        var empty = NoticeChain.Ethereum.Crypto.PrivateKey.Generate().Address.ToString();

        var result = await _cli.VerifyAsync(document, receipt, "--registry", empty);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains("There is no contract at registry address", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("0x00")]
    [InlineData("0x60006000fd")]
    public async Task A_registry_address_holding_another_contract_is_an_error(string code)
    {
        // STOP answers every call with nothing; PUSH1 0 PUSH1 0 REVERT reverts without data.
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(1);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0);
        var impostor = NoticeChain.Ethereum.Crypto.PrivateKey.Generate().Address.ToString();
        await bed.Node.SendAsync("anvil_setCode", $"[\"{impostor}\", \"{code}\"]");

        var result = await _cli.VerifyAsync(document, receipt, "--registry", impostor);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains("does not answer as a NoticeRegistry", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_receipt_of_another_chain_is_an_error()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(1);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0, json => json["chainId"] = 4242);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Equal(
            $"error: The node at {fixture.Node.RpcUri.GetLeftPart(UriPartial.Authority)} is on chain {fixture.Node.ChainId}, "
            + "but the receipt was issued on chain 4242: ask a node of that network.",
            result.Error.TrimEnd());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unreachable_node_is_reported_in_one_line()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(1);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0);

        var result = await VerifyCliHarness.RunAsync("verify", document, "--receipt", receipt, "--rpc", "http://127.0.0.1:9");

        Assert.Equal(CliApp.Error, result.Code);
        Assert.StartsWith("error: Cannot reach the node at http://127.0.0.1:9", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("treeSize", "\"5\"")]
    [InlineData("auditPath[0]", "[\"zz\"]")]
    [InlineData("digest", null)]
    public async Task A_malformed_receipt_is_an_error_naming_the_field(string field, string? value)
    {
        var batch = IssuedBatch.Create(2);
        var anchor = new ReceiptAnchor(
            31337, ChainAddress.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3"), ChainHash.Parse("0x" + new string('1', 64)), 1,
            ChainHash.Parse("0x" + new string('2', 64)), new Core.Notices.AuthorityId(RandomNumberGenerator.GetBytes(32)),
            ChainAddress.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), DateTimeOffset.FromUnixTimeSeconds(1_790_000_000));
        var (document, receipt) = _cli.Write(batch, 0, json =>
        {
            var name = field.Split('[')[0];
            if (value is null)
            {
                json.Remove(name);
            }
            else
            {
                json[name] = JsonNode.Parse(value);
            }
        }, anchor);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.StartsWith($"error: The receipt '{receipt}' is malformed: field '{field}'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Hash_prints_the_sha256_of_the_file_as_sha256sum_does()
    {
        var path = Path.Combine(_cli.Folder, "scan.pdf");
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        await File.WriteAllBytesAsync(path, content);
        var expected = Convert.ToHexStringLower(SHA256.HashData(content));

        var text = await VerifyCliHarness.RunAsync("hash", path);
        var json = await VerifyCliHarness.RunAsync("hash", path, "--json");
        var missing = await VerifyCliHarness.RunAsync("hash", Path.Combine(_cli.Folder, "missing.pdf"));

        Assert.Equal((CliApp.Success, $"{expected}  {path}"), (text.Code, text.Output.TrimEnd()));
        using var answer = JsonDocument.Parse(json.Output);
        Assert.Equal(expected, answer.RootElement.GetProperty("digest").GetString());
        Assert.Equal(content.Length, answer.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal(path, answer.RootElement.GetProperty("file").GetString());
        Assert.Equal(CliApp.Error, missing.Code);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }
}
