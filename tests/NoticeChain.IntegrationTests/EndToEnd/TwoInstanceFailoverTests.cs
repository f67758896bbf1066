using System.Diagnostics;
using System.Globalization;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>Two real API processes on one PostgreSQL database and one chain (issue 6, item 2; decision 0016): the one
/// holding the anchoring leases is killed with SIGKILL while a batch transaction is broadcast and not yet mined, and
/// the other takes over with nothing lost and nothing anchored twice.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class TwoInstanceFailoverTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    /// <summary>The longest the survivor may take to hold the dead instance's leases: their duration, plus a few passes
    /// and a generous allowance for a loaded machine (this is a bound, not a measurement).</summary>
    private static readonly TimeSpan TakeoverBound = LeaseDuration + TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_survivor_takes_over_the_killed_lease_holder_mid_batch_and_anchors_every_notice_exactly_once()
    {
        await using var database = await TwoInstanceDatabase.CreateAsync();
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        using var client = new TwoInstanceClient();
        var building = await bed.AddAuthorityAsync();
        var youth = await bed.AddAuthorityAsync();

        // A block a second: anchoring transactions wait in the node's pool, so the kill lands mid-batch.
        await bed.Chain.Node.SendAsync("evm_setAutomine", "[false]");
        await bed.Chain.Node.SendAsync("evm_setIntervalMining", "[1]");
        await using var first = await ApiProcess.StartAsync(bed.DataFolder, Settings(bed, database));
        await WaitForLeaseHolderAsync(database, building, [first], TimeSpan.FromSeconds(30));
        await using var second = await ApiProcess.StartAsync(bed.DataFolder, Settings(bed, database));

        var notices = new List<ApiNotice>();
        foreach (var (api, authority) in new[] { (first, building), (second, building), (first, youth), (second, youth) })
        {
            notices.AddRange(await client.SubmitAsync(api, authority, 300));
        }

        await client.WaitForReceiptsAsync(second, [notices[0]], TimeSpan.FromSeconds(60));
        var holder = await WaitForLeaseHolderAsync(database, building, [first, second], TimeSpan.FromSeconds(5));
        var survivor = holder == first ? second : first;

        // Submit through the survivor until the holder has a batch transaction broadcast and not mined, then kill it at once.
        var inFlight = 0UL;
        for (var round = 0; round < 10 && inFlight == 0; round++)
        {
            notices.AddRange(await client.SubmitAsync(survivor, building, 100));
            inFlight = await bed.WaitForTransactionInPoolAsync(building, TimeSpan.FromSeconds(1.5));
        }

        await holder.KillHardAsync();
        var killedAt = Stopwatch.StartNew();
        output.WriteLine($"Killed the lease holder after {notices.Count} accepted notices with {inFlight} transaction(s) in the node's pool.");
        Assert.True(inFlight > 0, "No batch transaction was seen in the node's pool before the kill; the test did not test mid-batch.");

        notices.AddRange(await client.SubmitAsync(survivor, building, 100));
        notices.AddRange(await client.SubmitAsync(survivor, youth, 100));
        var taker = await WaitForLeaseHolderAsync(database, building, [survivor], TakeoverBound);
        Assert.Same(survivor, taker);
        output.WriteLine($"The survivor held the lease {killedAt.Elapsed.TotalSeconds:0.0} s after the kill (lease duration {LeaseDuration.TotalSeconds:0} s).");

        var receipts = await client.WaitForReceiptsAsync(survivor, notices, TimeSpan.FromSeconds(120));
        output.WriteLine($"All {notices.Count} notices anchored {killedAt.Elapsed.TotalSeconds:0.0} s after the kill.");

        // One more block, so a duplicate still waiting in the pool would show up as an event or a nonce.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var events = await bed.AnchoredEventsAsync();
        foreach (var authority in new[] { building, youth })
        {
            var mine = notices.Where(n => n.Authority == authority).ToList();
            var anchored = events.Where(e => e.IssuerId == authority.IssuerId).ToList();
            var roots = mine.Select(n => receipts[n.Id].Root).Distinct().ToList();

            // Each notice is in exactly one anchored batch: no root twice, the receipts' roots are exactly the anchored
            // ones, and the anchored sizes add up to the notices.
            Assert.Equal(anchored.Count, anchored.Select(e => e.Root).Distinct().Count());
            Assert.Equal(roots.Order(MerkleHashComparer.Instance), anchored.Select(e => e.Root).Order(MerkleHashComparer.Instance));
            Assert.Equal((ulong)mine.Count, anchored.Aggregate(0UL, (sum, e) => sum + e.Size));

            // The chain's nonce count is the number of transactions (nonces) the store recorded for the key, with
            // nothing left in the pool.
            var key = authority.Chain.Address;
            var mined = await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Latest);
            Assert.Equal(mined, await bed.Rpc.GetTransactionCountAsync(key, BlockParameter.Pending));
            Assert.Equal((ulong)anchored.Count, mined);
            var recorded = Convert.ToUInt64(
                await database.ScalarAsync("SELECT count(DISTINCT nonce) FROM transactions WHERE sender = @p;", key.ToArray()),
                CultureInfo.InvariantCulture);
            Assert.Equal(mined, recorded);
        }

        bed.AssertReceiptsVerify(notices, receipts);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM notices WHERE batch_id IS NULL;"));
        var statuses = await client.VerifyAsync(survivor, [.. notices.Select(n => n.Digest)]);
        Assert.All(statuses, status => Assert.Equal("authentic", status));
    }

    private static Dictionary<string, string> Settings(EndToEndTestBed bed, TwoInstanceDatabase database) => new(StringComparer.Ordinal)
    {
        ["NOTICECHAIN__Chain__RpcUrl"] = bed.Chain.Node.RpcUri.ToString(),
        ["NOTICECHAIN__Chain__Registry"] = bed.Chain.Registry.ToString(),
        ["NOTICECHAIN__Chain__StartBlock"] = bed.Chain.DeploymentReceipt.BlockNumber.ToString(CultureInfo.InvariantCulture),
        ["NOTICECHAIN__Chain__BatchWindow"] = "00:00:00.500",
        ["NOTICECHAIN__Chain__PassInterval"] = "00:00:00.200",
        ["NOTICECHAIN__Chain__MaxBatchSize"] = "100",
        ["NOTICECHAIN__Chain__LeaseDuration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
        ["NOTICECHAIN__Keys__PassphraseFile"] = bed.PassphraseFile,
        ["NOTICECHAIN__Store__Provider"] = "postgres",
        ["NOTICECHAIN__Store__ConnectionString"] = database.ConnectionString,
    };

    /// <summary>Waits until one of <paramref name="candidates"/> holds the authority's unexpired lease (told apart by the
    /// instance id each logs at start) and returns it; fails after <paramref name="timeout"/>.</summary>
    private static async Task<ApiProcess> WaitForLeaseHolderAsync(
        TwoInstanceDatabase database, ApiAuthority authority, IReadOnlyList<ApiProcess> candidates, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var holder = await database.ScalarAsync(
                "SELECT holder FROM anchoring_leases WHERE authority = @p AND expires_at > now();", authority.Id.ToArray()) as string;
            if (holder is not null && candidates.FirstOrDefault(api => api.RecentOutput.Contains(holder, StringComparison.Ordinal)) is { } api)
            {
                return api;
            }

            Assert.True(clock.Elapsed < timeout, $"No candidate instance held the lease within {timeout.TotalSeconds:0} s (holder: {holder ?? "none"}).");
            await Task.Delay(100);
        }
    }
}
