using System.Text.Json;
using NoticeChain.Cli;
using NoticeChain.Core.Receipts;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;
using RegistryReason = NoticeChain.Chain.RevocationReason;

namespace NoticeChain.IntegrationTests.Cli;

/// <summary>
/// <c>noticechain verify</c>, run in-process against Anvil with no API and no store: a batch is built with NoticeChain.Core,
/// anchored from the authority's key through the registry, and checked from a file and its receipt only. Every answer.
/// </summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class VerifyCliTests(AnvilFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset EffectiveAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly VerifyCliHarness _cli = new(fixture);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_anchored_notice_is_authentic_with_the_chain_values_in_plain_language()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync("Untere Bauaufsicht Herten");
        var batch = IssuedBatch.Create(3);
        var anchor = await batch.AnchorAsync(bed, authority);
        var (document, receipt) = _cli.Write(batch, 1);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.True(result.Code == CliApp.Success, result.Output + result.Error);
        var expected = $"AUTHENTIC — issued by Untere Bauaufsicht Herten ({anchor.Authority}) on {VerifyCliHarness.Time(anchor.AnchoredAt)}, "
            + $"block {anchor.BlockNumber}, transaction {anchor.TransactionHash}; not revoked, not superseded. "
            + $"Checked against chain {fixture.Node.ChainId} at block ";
        Assert.StartsWith(expected, result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ not superseded by the authority", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("✗", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task A_notice_stays_authentic_after_its_authoritys_key_is_rotated_and_the_authority_retired()
    {
        // The rotation is mined at the anchor's block time, so the key's validUntil equals the anchor's time: the window
        // must count that second (both ends inclusive, as in the contract, which let the anchor in before the rotation).
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync("Jobcenter Kreis Recklinghausen");
        var batch = IssuedBatch.Create(2);
        var anchor = await batch.AnchorAsync(bed, authority);
        await bed.Node.SendAsync("evm_setNextBlockTimestamp", $"[{anchor.AnchoredAt.ToUnixTimeSeconds()}]");
        await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, NoticeChain.Ethereum.Crypto.PrivateKey.Generate().Address);
        var rotatedOut = await bed.Governance.GetKeyAsync(authority.Address);
        Assert.Equal(anchor.AnchoredAt, rotatedOut!.ValidUntil);
        var retired = await bed.Governance.RetireIssuerAsync(authority.IssuerId);
        var retiredAt = await bed.BlockTimeAsync(retired.BlockNumber);
        var (document, receipt) = _cli.Write(batch, 0);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.True(result.Code == CliApp.Success, result.Output + result.Error);
        Assert.Contains(
            $"The authority has been retired since {VerifyCliHarness.Time(retiredAt)}; notices it anchored before stay valid.", result.Output, StringComparison.Ordinal);
        var answer = await _cli.VerifyJsonAsync(document, receipt, CliApp.Success);
        Assert.Equal(
            VerifyCliHarness.JsonTime(retiredAt),
            answer.GetProperty("authority").GetProperty("retiredAt").GetString());
    }

    [Fact]
    public async Task The_receipts_chain_details_are_a_locator_and_the_answer_shows_the_chains()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(2);
        var anchor = await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 1, json =>
        {
            json["blockNumber"] = 1;
            json["anchoringKey"] = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
        });

        var result = await _cli.VerifyAsync(document, receipt);
        var answer = await _cli.VerifyJsonAsync(document, receipt, CliApp.Success);

        Assert.True(result.Code == CliApp.Success, result.Output + result.Error);
        Assert.Contains($"block {anchor.BlockNumber}, transaction {anchor.TransactionHash}; not revoked", result.Output, StringComparison.Ordinal);
        Assert.Contains("Note: the receipt's own chain details (block 1, ", result.Output, StringComparison.Ordinal);
        Assert.Equal(anchor.BlockNumber, answer.GetProperty("blockNumber").GetUInt64());
    }

    [Fact]
    public async Task Json_output_is_the_verify_answer_object_with_chain_values()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync("Jugendamt Recklinghausen");
        var batch = IssuedBatch.Create(4);
        var anchor = await batch.AnchorAsync(bed, authority);
        var (document, receipt) = _cli.Write(batch, 3);
        var head = await bed.Rpc.BlockNumberAsync();

        var result = await _cli.VerifyAsync(document, receipt, "--json");

        Assert.True(result.Code == CliApp.Success, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var answer = json.RootElement;
        string[] keys =
        [
            "digest", "status", "finding", "noticeId", "authority", "anchoredAt", "blockNumber", "transactionHash", "chainId", "registry",
            "revocation", "supersession", "receipt", "checkedAgainstChain", "chainHead",
        ];
        Assert.Equal(keys, answer.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(batch.Digests[3].ToString(), answer.GetProperty("digest").GetString());
        Assert.Equal("authentic", answer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("finding").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("noticeId").ValueKind);
        Assert.Equal(anchor.Authority.ToString(), answer.GetProperty("authority").GetProperty("id").GetString());
        Assert.Equal("Jugendamt Recklinghausen", answer.GetProperty("authority").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("authority").GetProperty("retiredAt").ValueKind);
        Assert.Equal(VerifyCliHarness.JsonTime(anchor.AnchoredAt), answer.GetProperty("anchoredAt").GetString());
        Assert.Equal(anchor.BlockNumber, answer.GetProperty("blockNumber").GetUInt64());
        Assert.Equal(anchor.TransactionHash.ToString(), answer.GetProperty("transactionHash").GetString());
        Assert.Equal(fixture.Node.ChainId, answer.GetProperty("chainId").GetUInt64());
        Assert.Equal(anchor.Registry.ToString(), answer.GetProperty("registry").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("revocation").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("supersession").ValueKind);
        Assert.Equal(batch.Receipt(3).ToJson(), Receipt.Parse(answer.GetProperty("receipt").GetRawText()).ToJson());
        Assert.True(answer.GetProperty("checkedAgainstChain").GetBoolean());
        var checkedAt = answer.GetProperty("chainHead");
        Assert.True(checkedAt.GetProperty("blockNumber").GetUInt64() >= head);
        var headBlock = await bed.Rpc.GetBlockByNumberAsync(checkedAt.GetProperty("blockNumber").GetUInt64());
        Assert.Equal(headBlock!.Hash.ToString(), checkedAt.GetProperty("blockHash").GetString());
    }

    [Fact]
    public async Task A_document_with_one_byte_changed_is_unknown_for_a_digest_mismatch()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(2);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0);
        var bytes = await File.ReadAllBytesAsync(document);
        bytes[^1] ^= 0x01;
        await File.WriteAllBytesAsync(document, bytes);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.StartsWith("UNKNOWN — this document is not the one the receipt is for", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ document SHA-256 equals the receipt's digest", result.Output, StringComparison.Ordinal);
        Assert.Equal("digest-mismatch", (await _cli.VerifyJsonAsync(document, receipt)).GetProperty("finding").GetString());
    }

    [Fact]
    public async Task A_receipt_with_an_altered_path_hash_is_unknown_for_a_proof_mismatch()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(3);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0, json =>
        {
            var path = json["auditPath"]!.AsArray();
            var hash = path[0]!.GetValue<string>();
            path[0] = (hash[0] == '0' ? "1" : "0") + hash[1..];
        });

        var answer = await _cli.VerifyJsonAsync(document, receipt, CliApp.Negative);

        Assert.Equal("unknown", answer.GetProperty("status").GetString());
        Assert.Equal("proof-mismatch", answer.GetProperty("finding").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("authority").ValueKind);
    }

    [Fact]
    public async Task A_receipt_naming_another_registered_authority_is_unknown_for_an_authority_mismatch()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(2);
        var anchor = await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync("Bauamt A"));
        var other = await bed.RegisterAuthorityAsync("Bauamt B");
        var (document, receipt) = _cli.Write(batch, 1, json => json["authorityId"] = other.IssuerId.ToString());

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.StartsWith(
            $"UNKNOWN — the root was anchored by Bauamt A, authority {anchor.Authority}, not by {other.IssuerId} as the receipt claims.",
            result.Output,
            StringComparison.Ordinal);
        Assert.Equal("authority-mismatch", (await _cli.VerifyJsonAsync(document, receipt)).GetProperty("finding").GetString());
    }

    [Fact]
    public async Task A_receipt_with_a_neighbouring_tree_size_is_unknown_for_a_tree_size_mismatch()
    {
        // Leaf 2 of 5 has the same audit path in trees of 5 to 8 leaves (docs/receipt-format.md): only the anchored size tells.
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(5);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 2, json => json["treeSize"] = 6);

        var answer = await _cli.VerifyJsonAsync(document, receipt, CliApp.Negative);

        Assert.Equal("tree-size-mismatch", answer.GetProperty("finding").GetString());
    }

    [Fact]
    public async Task A_revoked_notice_names_the_reason_and_the_effective_date()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = IssuedBatch.Create(3);
        await batch.AnchorAsync(bed, authority);
        var revoked = await authority.Client.RevokeAsync(batch.Inclusion(2), RegistryReason.Withdrawal, EffectiveAt);
        var revokedAt = await bed.BlockTimeAsync(revoked.BlockNumber);
        var (document, receipt) = _cli.Write(batch, 2);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.StartsWith("REVOKED — issued by", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"revoked by the authority on {VerifyCliHarness.Time(revokedAt)}, reason: withdrawal (Rücknahme), effective 2026-12-01 00:00:00 UTC.",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("✗ not revoked by the authority", result.Output, StringComparison.Ordinal);
        var revocation = (await _cli.VerifyJsonAsync(document, receipt)).GetProperty("revocation");
        Assert.Equal("withdrawal", revocation.GetProperty("reason").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", revocation.GetProperty("effectiveAt").GetString());
        Assert.Equal(VerifyCliHarness.JsonTime(revokedAt), revocation.GetProperty("revokedAt").GetString());

        // Its neighbours in the same batch stay authentic.
        var (sibling, siblingReceipt) = _cli.Write(batch, 1);
        Assert.Equal(CliApp.Success, (await _cli.VerifyAsync(sibling, siblingReceipt)).Code);
    }

    [Fact]
    public async Task A_superseded_notice_names_the_replacement_and_its_anchor_date()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var original = IssuedBatch.Create(2);
        await original.AnchorAsync(bed, authority);
        var correction = IssuedBatch.Create(1);
        var newAnchor = await correction.AnchorAsync(bed, authority);
        await authority.Client.SupersedeAsync(original.Inclusion(0), correction.Inclusion(0), RegistryReason.Correction, EffectiveAt);
        var (document, receipt) = _cli.Write(original, 0);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.StartsWith("SUPERSEDED — issued by", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"(leaf {correction.Leaves[0]}, anchored {VerifyCliHarness.Time(newAnchor.AnchoredAt)} in block {newAnchor.BlockNumber}), reason: correction (Berichtigung), "
            + "effective 2026-12-01 00:00:00 UTC.",
            result.Output,
            StringComparison.Ordinal);
        var supersession = (await _cli.VerifyJsonAsync(document, receipt)).GetProperty("supersession");
        Assert.Equal("correction", supersession.GetProperty("reason").GetString());
        Assert.Equal(correction.Leaves[0].ToString(), supersession.GetProperty("newLeaf").GetString());
        Assert.Equal(correction.Tree.Root.ToString(), supersession.GetProperty("newRoot").GetString());
        Assert.Equal(VerifyCliHarness.JsonTime(newAnchor.AnchoredAt), supersession.GetProperty("newAnchoredAt").GetString());

        // The replacement itself is authentic.
        var (replacement, replacementReceipt) = _cli.Write(correction, 0);
        Assert.Equal(CliApp.Success, (await _cli.VerifyAsync(replacement, replacementReceipt)).Code);
    }

    [Fact]
    public async Task A_root_that_was_never_anchored_is_unknown()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var anchored = IssuedBatch.Create(1);
        var anchor = await anchored.AnchorAsync(bed, authority);
        var forged = IssuedBatch.Create(2);
        var (document, receipt) = _cli.Write(forged, 0, anchor: anchor);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.StartsWith($"UNKNOWN — the registry never anchored the receipt's root {forged.Tree.Root}", result.Output, StringComparison.Ordinal);
        Assert.Equal("root-not-anchored", (await _cli.VerifyJsonAsync(document, receipt)).GetProperty("finding").GetString());
    }

    [Fact]
    public async Task A_receipt_from_a_block_the_node_has_not_reached_is_pending()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var anchored = IssuedBatch.Create(1);
        await anchored.AnchorAsync(bed, authority);
        var future = IssuedBatch.Create(1);
        var (document, receipt) = _cli.Write(future, 0, json => json["blockNumber"] = 1_000_000, anchored.Anchor);

        var result = await _cli.VerifyAsync(document, receipt);

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.StartsWith("PENDING — the receipt names block 1000000", result.Output, StringComparison.Ordinal);
        Assert.Equal("awaiting-confirmation", (await _cli.VerifyJsonAsync(document, receipt)).GetProperty("finding").GetString());
    }

    [Fact]
    public async Task A_trusted_registry_other_than_the_receipts_is_said_and_used()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        using var trusted = await RegistryTestBed.DeployAsync(fixture);
        var batch = IssuedBatch.Create(1);
        await batch.AnchorAsync(bed, await bed.RegisterAuthorityAsync());
        var (document, receipt) = _cli.Write(batch, 0);

        var result = await _cli.VerifyAsync(document, receipt, "--registry", trusted.Registry.ToString());

        Assert.Equal(CliApp.Negative, result.Code);
        Assert.Contains($"checking against {new ChainAddress(trusted.Registry.ToArray())}", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("UNKNOWN — the registry never anchored", result.Output, StringComparison.Ordinal);
    }
}
