using System.Globalization;
using System.Text.Json.Nodes;
using NoticeChain.Auth;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Keystore;
using NoticeChain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>The chain makes the verify index rebuildable (issue 6, item 5; docs/deploy.md "Backup and restore";
/// decision 0019): against real Anvil and real API processes, a history of two authorities with a revocation, a
/// supersession and a key rotation is answered the same by (a) a second instance on an empty store, (b) an instance
/// on a backup taken before half of the history, and (c) an instance on a copy whose chain index was wiped.</summary>
/// <remarks>
/// What the chain cannot give back is said as plainly: a store without the notice rows cannot name the notice
/// (<c>noticeId</c> null) nor find a document by its digest alone (<c>unknown/not-registered</c>), while every
/// receipt a citizen holds still verifies identically.
/// </remarks>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class IndexRebuildTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sqlite_verify_index_rebuilds_from_the_chain_into_an_empty_store_a_restored_backup_and_a_wiped_index()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        await RunAsync(bed, new IndexRebuildStore.Sqlite(bed.DataFolder));
    }

    [Fact]
    public async Task Postgres_verify_index_rebuilds_from_the_chain_into_an_empty_store_a_restored_backup_and_a_wiped_index()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        await using var original = await IndexRebuildStore.Postgres.CreateAsync();
        await RunAsync(bed, original);
    }

    private async Task RunAsync(EndToEndTestBed bed, IndexRebuildStore original)
    {
        using var client = new IndexRebuildClient();
        var apiSettings = new Dictionary<string, string>(original.ApiSettings) { ["NOTICECHAIN__Verify__RateLimit__PermitLimit"] = "100000" };
        var history = await WriteHistoryAsync(bed, client, apiSettings, original);
        var head = await bed.Rpc.BlockNumberAsync();
        var all = history.Before.Concat(history.After).ToList();
        await client.WaitForIndexedHeadAsync(bed.Api, history.Receipts[all[^1].Id], head);

        // The original instance's answers, and that they are what the history says.
        var byReceipt = new Dictionary<string, JsonObject>();
        var byDigest = new Dictionary<string, JsonObject>();
        foreach (var notice in all)
        {
            byReceipt[notice.Id] = await client.ByReceiptAsync(bed.Api, history.Receipts[notice.Id]);
            byDigest[notice.Id] = await client.ByDigestAsync(bed.Api, notice.Digest);
            var expected = notice.Id == history.Revoked.Id ? "revoked" : notice.Id == history.Superseded.Id ? "superseded" : "authentic";
            Assert.Equal(expected, byDigest[notice.Id]["status"]!.GetValue<string>());
            Assert.Equal(IndexRebuildClient.Comparable(byDigest[notice.Id], true), IndexRebuildClient.Comparable(byReceipt[notice.Id], true));
        }

        var chainSettings = new Dictionary<string, string>(apiSettings.Where(s => !s.Key.StartsWith("NOTICECHAIN__Store__", StringComparison.Ordinal)))
        {
            ["NOTICECHAIN__Chain__RpcUrl"] = bed.Chain.Node.RpcUri.ToString(),
            ["NOTICECHAIN__Chain__Registry"] = bed.Chain.Registry.ToString(),
            ["NOTICECHAIN__Chain__StartBlock"] = bed.Chain.DeploymentReceipt.BlockNumber.ToString(CultureInfo.InvariantCulture),
            ["NOTICECHAIN__Chain__PassInterval"] = "00:00:00.200",
        };

        // (a) An empty store: the follower replays the registry from its deployment block.
        await using (var empty = await original.CreateEmptyAsync())
        await using (var api = await ApiProcess.StartAsync(empty.DataFolder, With(chainSettings, empty.ApiSettings)))
        {
            await client.WaitForIndexedHeadAsync(api, history.Receipts[all[0].Id], head);
            foreach (var notice in all)
            {
                var rebuilt = await client.ByReceiptAsync(api, history.Receipts[notice.Id]);
                Assert.Equal(IndexRebuildClient.Comparable(byReceipt[notice.Id], false), IndexRebuildClient.Comparable(rebuilt, false));
                Assert.Null(rebuilt["noticeId"]);
                var digest = await client.ByDigestAsync(api, notice.Digest);
                Assert.Equal("unknown", digest["status"]!.GetValue<string>());
                Assert.Equal("not-registered", digest["finding"]!.GetValue<string>());
            }

            output.WriteLine($"(a) empty store: {all.Count} receipts answered identically at block {head}; digests unknown (no notice rows).");
        }

        // (b) The backup taken after the first half of the history: the follower carries its index forward.
        await using (var restored = await original.RestoreAsync(history.Backup))
        {
            var rowsInBackup = await restored.ChainIndexRowsAsync();
            await using (var api = await ApiProcess.StartAsync(restored.DataFolder, With(chainSettings, restored.ApiSettings)))
            {
                await client.WaitForIndexedHeadAsync(api, history.Receipts[all[0].Id], head);
                Assert.True(await restored.ChainIndexRowsAsync() > rowsInBackup, "the follower added no facts to the restored index");
                foreach (var notice in history.Before)
                {
                    var digest = await client.ByDigestAsync(api, notice.Digest);
                    Assert.Equal(IndexRebuildClient.Comparable(byDigest[notice.Id], true), IndexRebuildClient.Comparable(digest, true));
                }

                foreach (var notice in history.After)
                {
                    var receipt = await client.ByReceiptAsync(api, history.Receipts[notice.Id]);
                    Assert.Equal(IndexRebuildClient.Comparable(byReceipt[notice.Id], false), IndexRebuildClient.Comparable(receipt, false));
                    Assert.Equal("unknown", (await client.ByDigestAsync(api, notice.Digest))["status"]!.GetValue<string>());
                }
            }

            output.WriteLine($"(b) restored backup: index grew from {rowsInBackup} rows to {await restored.ChainIndexRowsAsync()}; "
                + $"{history.Before.Count} digests answered identically, {history.After.Count} registered after the backup only by receipt.");
        }

        // (c) A copy of the final store with its chain index wiped: everything answers as before, notice ids included.
        var final = await original.BackupAsync();
        await using (var wiped = await original.RestoreAsync(final))
        {
            await wiped.WipeChainIndexAsync();
            Assert.Equal(0, await wiped.ChainIndexRowsAsync());
            await using var api = await ApiProcess.StartAsync(wiped.DataFolder, With(chainSettings, wiped.ApiSettings));
            await client.WaitForIndexedHeadAsync(api, history.Receipts[all[0].Id], head);
            foreach (var notice in all)
            {
                Assert.Equal(IndexRebuildClient.Comparable(byDigest[notice.Id], true), IndexRebuildClient.Comparable(await client.ByDigestAsync(api, notice.Digest), true));
                Assert.Equal(IndexRebuildClient.Comparable(byReceipt[notice.Id], true), IndexRebuildClient.Comparable(await client.ByReceiptAsync(api, history.Receipts[notice.Id]), true));
            }

            output.WriteLine($"(c) wiped index: {all.Count} digests and receipts answered identically, notice ids included.");
        }
    }

    /// <summary>Two authorities anchor; a backup is taken online; then one notice is revoked, one superseded, one
    /// authority's key rotated (new keystore, API restarted) and more notices anchored with the new key.</summary>
    private static async Task<History> WriteHistoryAsync(
        EndToEndTestBed bed, IndexRebuildClient client, Dictionary<string, string> apiSettings, IndexRebuildStore original)
    {
        var first = await bed.AddAuthorityAsync();
        var second = await bed.AddAuthorityAsync();
        await bed.StartApiAsync(apiSettings);
        var before = new List<ApiNotice>(await bed.SubmitAsync(first, 3));
        before.AddRange(await bed.SubmitAsync(second, 3));
        var receipts = new Dictionary<string, Receipt>(await bed.WaitForReceiptsAsync(before, ReceiptTimeout), StringComparer.Ordinal);
        bed.AssertReceiptsVerify(before, receipts);

        var backup = await original.BackupAsync();

        using var signingKey = DevSigningKey.Load(DevTokenDefaults.KeyFileIn(bed.DataFolder));
        var minter = new DevTokenMinter(signingKey, TimeProvider.System);
        string TokenOf(ApiAuthority authority) =>
            minter.Mint(new DevTokenRequest(authority.Id, [TokenScopes.NoticesWrite, TokenScopes.NoticesRevoke], Governance: false, TimeSpan.FromHours(1)));

        var revoked = before[0];
        await client.RevokeAsync(bed.Api, revoked, TokenOf(first));
        var superseded = before[3];
        var replacement = await client.SupersedeAsync(bed.Api, superseded, TokenOf(second));
        await client.WaitForNoticeStatusAsync(bed.Api, revoked, TokenOf(first), "revoked");
        await client.WaitForNoticeStatusAsync(bed.Api, superseded, TokenOf(second), "superseded");

        // Key rotation as docs/deploy.md describes it: governance rotates on chain, the new keystore replaces the
        // old one in the key folder, the API restarts and signs with the new key.
        var (newKey, _) = await bed.Chain.FundedSenderAsync();
        await bed.Chain.Governance.RotateIssuerKeyAsync(first.IssuerId, newKey.Address);
        var passphrase = await File.ReadAllTextAsync(bed.PassphraseFile);
        var keystore = Web3Keystore.Encrypt(newKey, passphrase, ScryptCost.Light);
        await File.WriteAllTextAsync(Path.Combine(bed.KeyFolder, first.Id + ".json"), keystore.ToJson());
        await bed.Api.KillHardAsync();
        await bed.Api.RestartAsync();

        var after = new List<ApiNotice> { replacement };
        var rotated = await bed.SubmitAsync(first, 2);
        after.AddRange(rotated);
        foreach (var (id, receipt) in await bed.WaitForReceiptsAsync(after, ReceiptTimeout))
        {
            receipts[id] = receipt;
        }

        Assert.All(rotated, n => Assert.Equal(newKey.Address.ToString().ToUpperInvariant(), receipts[n.Id].Anchor.AnchoringKey.ToString().ToUpperInvariant()));
        return new History(before, after, receipts, backup, revoked, superseded);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> more)
    {
        var all = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        foreach (var (name, value) in more)
        {
            all[name] = value;
        }

        return all;
    }

    /// <param name="Before">Notices registered before the backup.</param>
    /// <param name="After">Notices registered after it (the replacement and the rotated key's notices).</param>
    /// <param name="Receipts">Every notice's receipt, by notice id.</param>
    /// <param name="Backup">The backup file taken between the two.</param>
    /// <param name="Revoked">The notice revoked after the backup.</param>
    /// <param name="Superseded">The notice superseded after the backup.</param>
    private sealed record History(
        IReadOnlyList<ApiNotice> Before,
        IReadOnlyList<ApiNotice> After,
        IReadOnlyDictionary<string, Receipt> Receipts,
        string Backup,
        ApiNotice Revoked,
        ApiNotice Superseded);
}
