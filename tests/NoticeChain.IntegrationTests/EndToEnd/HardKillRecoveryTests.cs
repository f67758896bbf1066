using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NoticeChain.IntegrationTests.EndToEnd;

[Collection(EndToEndCollectionDefinition.Name)]
public sealed class HardKillRecoveryTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private const int FirstSubmission = 1_000;
    private const int FollowUpSize = 250;
    private const int MaxFollowUps = 10;

    [Fact]
    public async Task Api_killed_with_sigkill_mid_batch_loses_nothing_and_anchors_nothing_twice()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        var authority = await bed.AddAuthorityAsync();

        // A block a second instead of one per transaction: anchoring transactions wait in the node's pool, so the kill
        // below lands while batches are closed, signed and broadcast but not yet mined.
        await bed.Chain.Node.SendAsync("evm_setAutomine", "[false]");
        await bed.Chain.Node.SendAsync("evm_setIntervalMining", "[1]");
        await bed.StartApiAsync(new Dictionary<string, string> { ["NOTICECHAIN__Chain__MaxBatchSize"] = "250" });
        var notices = new List<ApiNotice>(await bed.SubmitAsync(authority, FirstSubmission, chunk: 500));
        await bed.WaitForReceiptsAsync([notices[0]], TimeSpan.FromSeconds(60));

        // Keep submitting until a batch's transaction is broadcast and not yet mined, then kill at once.
        var inFlight = 0UL;
        for (var round = 0; round < MaxFollowUps && inFlight == 0; round++)
        {
            notices.AddRange(await bed.SubmitAsync(authority, FollowUpSize));
            inFlight = await bed.WaitForTransactionInPoolAsync(authority, TimeSpan.FromSeconds(1.5));
        }

        await bed.Api.KillHardAsync();
        output.WriteLine($"Killed the API after {notices.Count} accepted notices with {inFlight} anchoring transaction(s) in the node's pool.");
        await bed.Api.RestartAsync();

        var receipts = await bed.WaitForReceiptsAsync(notices, TimeSpan.FromSeconds(120));
        bed.AssertReceiptsVerify(notices, receipts);

        // Let one more block be mined, so a duplicate still waiting in the pool would show up as an event or a nonce.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var anchored = (await bed.AnchoredEventsAsync()).Where(e => e.IssuerId == authority.IssuerId).ToList();
        var receiptRoots = receipts.Values.Select(r => r.Root).Distinct().ToList();
        Assert.Equal(anchored.Count, anchored.Select(e => e.Root).Distinct().Count());
        Assert.Equal(receiptRoots.Order(MerkleHashComparer.Instance), anchored.Select(e => e.Root).Order(MerkleHashComparer.Instance));
        Assert.Equal((ulong)notices.Count, anchored.Aggregate(0UL, (sum, e) => sum + e.Size));

        var key = authority.Chain.Address;
        var mined = await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Latest);
        var pending = await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Pending);
        Assert.Equal(mined, pending);
        Assert.Equal((ulong)anchored.Count, mined);
        Assert.All(anchored, e => Assert.Equal(key, e.Key));
    }
}
