using System.Net;
using System.Net.Sockets;
using NoticeChain.Chain.Following;
using NoticeChain.Core.Notices;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Following;

[Collection(AnvilCollectionDefinition.Name)]
public sealed class RegistryFollowerTests
{
    [Fact]
    public async Task Every_event_kind_is_indexed_and_readable_through_the_store()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var history = await bed.WriteHistoryAsync();

        var result = await bed.NewFollower().RunOnceAsync();

        Assert.True(result.Completed);
        Assert.True(result.CaughtUp);
        Assert.Equal(8, result.EventsIndexed);
        var head = await bed.Rpc.GetBlockByNumberAsync(BlockParameter.Latest);
        Assert.Equal(head!.Number, result.Cursor!.BlockNumber);
        Assert.Equal(head.Hash.ToString(), result.Cursor.BlockHash.ToString());

        var active = FollowingTestBed.AuthorityOf(history.Active);
        var onChain = (await bed.Chain.Governance.GetAnchorAsync(history.First.Root))!;
        var anchor = await bed.Store.GetAnchorAsync(history.First.Root);
        Assert.NotNull(anchor);
        Assert.Equal(active, anchor.Authority);
        AssertSameAddress(history.Active.Address, anchor.Key);
        Assert.Equal(4UL, anchor.TreeSize);
        Assert.Equal(onChain.AnchoredAt, anchor.AnchoredAt);
        Assert.Equal(onChain.BlockNumber, anchor.Position.BlockNumber);
        var anchorBlock = await bed.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(onChain.BlockNumber));
        Assert.Equal(anchorBlock!.Hash.ToString(), anchor.Position.BlockHash.ToString());
        Assert.Equal(2UL, (await bed.Store.GetAnchorAsync(history.Second.Root))!.TreeSize);

        var revocation = await bed.Store.GetRevocationAsync(active, history.First.Leaves[0]);
        Assert.NotNull(revocation);
        Assert.Equal(history.First.Root, revocation.Root);
        Assert.Equal(RevocationReason.Withdrawal, revocation.Reason);
        Assert.Equal(RegistryHistory.EffectiveAt, revocation.EffectiveAt);
        Assert.Equal(await bed.Chain.BlockTimeAsync(history.Revocation.BlockNumber), revocation.RevokedAt);
        Assert.Equal(history.Revocation.TransactionHash.ToString(), revocation.Position.TransactionHash.ToString());

        var supersession = await bed.Store.GetSupersessionAsync(active, history.First.Leaves[1]);
        Assert.NotNull(supersession);
        Assert.Equal(history.Second.Leaves[0], supersession.NewLeaf);
        Assert.Equal(history.First.Root, supersession.OldRoot);
        Assert.Equal(history.Second.Root, supersession.NewRoot);
        Assert.Equal(RevocationReason.Correction, supersession.Reason);
        Assert.Equal(RegistryHistory.EffectiveAt.AddDays(1), supersession.EffectiveAt);
        Assert.Equal(await bed.Chain.BlockTimeAsync(history.Supersession.BlockNumber), supersession.SupersededAt);
        Assert.Equal(history.Supersession.BlockNumber, supersession.Position.BlockNumber);

        var activeRecord = await bed.Store.GetAuthorityAsync(active);
        Assert.NotNull(activeRecord);
        Assert.Equal("Bauaufsichtsamt Musterstadt", activeRecord.Name);
        AssertSameAddress(history.Active.Address, activeRecord.CurrentKey);
        Assert.Single(activeRecord.Keys);
        Assert.Null(activeRecord.RetiredAt);

        var retiredRecord = await bed.Store.GetAuthorityAsync(FollowingTestBed.AuthorityOf(history.Retired));
        Assert.NotNull(retiredRecord);
        Assert.Equal("Ordnungsamt Beispielhausen", retiredRecord.Name);
        Assert.Equal(
            [history.Retired.Address.ToLowerHex(), history.RotatedKey.ToLowerHex()],
            retiredRecord.Keys.Select(key => key.ToString()));
        AssertSameAddress(history.RotatedKey, retiredRecord.CurrentKey);
        Assert.Equal(await bed.Chain.BlockTimeAsync(history.Retirement.BlockNumber), retiredRecord.RetiredAt);
    }

    [Fact]
    public async Task Facts_the_chain_never_recorded_are_not_in_the_index()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var history = await bed.WriteHistoryAsync();

        await bed.NewFollower().RunOnceAsync();

        var active = FollowingTestBed.AuthorityOf(history.Active);
        Assert.Null(await bed.Store.GetAnchorAsync(NoticeBatch.Random(1).Root));
        Assert.Null(await bed.Store.GetRevocationAsync(active, history.First.Leaves[2]));
        Assert.Null(await bed.Store.GetSupersessionAsync(active, history.First.Leaves[0]));
        Assert.Null(await bed.Store.GetRevocationAsync(FollowingTestBed.AuthorityOf(history.Retired), history.First.Leaves[0]));
        Assert.Null(await bed.Store.GetAuthorityAsync(new AuthorityId(RegistryTestBed.RandomIssuerId().ToArray())));
    }

    [Fact]
    public async Task A_second_pass_at_the_same_head_changes_nothing()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var history = await bed.WriteHistoryAsync();
        var follower = bed.NewFollower();
        await follower.RunOnceAsync();
        var before = await IndexSnapshot.ReadAsync(bed.Store, history);

        var again = await follower.RunOnceAsync();
        var restarted = await bed.NewFollower().RunOnceAsync();

        Assert.Equal(0, again.PagesApplied);
        Assert.Equal(0, restarted.PagesApplied);
        Assert.True(again.CaughtUp);
        Assert.Null(again.RewoundTo);
        Assert.Equal(before, await IndexSnapshot.ReadAsync(bed.Store, history));
    }

    [Fact]
    public async Task A_long_history_is_read_in_pages_of_three_blocks_with_a_cursor_per_page()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var history = await bed.WriteHistoryAsync();
        await bed.MineAsync(5);
        var head = await bed.HeadAsync();
        var options = bed.Options with { BlocksPerPage = 3, BlocksPerPass = 7 };
        var follower = bed.NewFollower(options);

        var first = await follower.RunOnceAsync();

        Assert.Equal(3, first.PagesApplied);
        Assert.False(first.CaughtUp);
        Assert.Equal(options.StartBlock + 6, first.Cursor!.BlockNumber);

        var passes = 1;
        FollowingPassResult last;
        do
        {
            last = await follower.RunOnceAsync();
            passes++;
        }
        while (!last.CaughtUp);

        var blocks = head - options.StartBlock + 1;
        Assert.Equal((int)((blocks + 6) / 7), passes);
        Assert.Equal(head, last.Cursor!.BlockNumber);
        var unpaged = await bed.OpenStoreAsync("unpaged.db");
        await bed.NewFollower(store: unpaged).CatchUpAsync();
        Assert.Equal(await IndexSnapshot.ReadAsync(unpaged, history), await IndexSnapshot.ReadAsync(bed.Store, history));
    }

    [Fact]
    public async Task An_empty_store_replays_the_history_into_the_same_index()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var history = await bed.WriteHistoryAsync();
        await bed.NewFollower().RunOnceAsync();
        var original = await IndexSnapshot.ReadAsync(bed.Store, history);

        var rebuilt = await bed.OpenStoreAsync("rebuilt.db");
        var result = await bed.NewFollower(bed.Options with { BlocksPerPage = 2, BlocksPerPass = 5 }, rebuilt).CatchUpAsync();

        Assert.True(result.CaughtUp);
        Assert.Equal(original, await IndexSnapshot.ReadAsync(rebuilt, history));
        Assert.Contains(original, line => line.StartsWith("anchor AnchorFact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirmations_keep_the_newest_blocks_out_of_the_index_until_they_are_deep_enough()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var authority = await bed.Chain.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);
        var follower = bed.NewFollower(bed.Options with { Confirmations = 2 });

        var shallow = await follower.RunOnceAsync();

        Assert.Equal(await bed.HeadAsync() - 2, shallow.Cursor!.BlockNumber);
        Assert.Null(await bed.Store.GetAnchorAsync(batch.Root));

        await bed.MineAsync(2);
        await follower.RunOnceAsync();

        Assert.NotNull(await bed.Store.GetAnchorAsync(batch.Root));
    }

    [Fact]
    public async Task An_unreachable_node_ends_the_pass_as_transient_and_changes_nothing()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var history = await bed.WriteHistoryAsync();
        await bed.NewFollower().RunOnceAsync();
        var before = await IndexSnapshot.ReadAsync(bed.Store, history);
        await RegistryTestBed.AnchorBatchAsync(history.Active, 2);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var unreachable = new EthRpcClient(http, ClosedPortUri());

        var result = await bed.NewFollower(rpc: unreachable).RunOnceAsync();
        var onEmptyStore = await bed.NewFollower(store: await bed.OpenStoreAsync("empty.db"), rpc: unreachable).RunOnceAsync();

        Assert.False(result.Completed);
        Assert.IsType<EthRpcTransportException>(result.Interruption);
        Assert.Equal(0, result.PagesApplied);
        Assert.Equal(before, await IndexSnapshot.ReadAsync(bed.Store, history));
        Assert.IsType<EthRpcTransportException>(onEmptyStore.Interruption);
        Assert.Null(onEmptyStore.Cursor);

        var resumed = await bed.NewFollower().RunOnceAsync();
        Assert.True(resumed.Completed);
        Assert.Equal(1, resumed.EventsIndexed);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_in_time_ends_the_pass_as_transient()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        await bed.Chain.RegisterAuthorityAsync();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var mute = new EthRpcClient(http, new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"));

        var result = await bed.NewFollower(rpc: mute).RunOnceAsync();

        Assert.IsType<EthRpcTimeoutException>(result.Interruption);
        Assert.Null(result.Cursor);
        Assert.Null(await bed.Store.GetCursorAsync());
    }

    [Fact]
    public async Task Options_that_cannot_work_are_rejected()
    {
        await using var bed = await FollowingTestBed.StartAsync();

        Assert.Throws<ArgumentException>(() => bed.NewFollower(bed.Options with { Registry = default }));
        Assert.Throws<ArgumentOutOfRangeException>(() => bed.NewFollower(bed.Options with { BlocksPerPage = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => bed.NewFollower(bed.Options with { BlocksPerPass = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => bed.NewFollower(bed.Options with { ReorgDepth = 0 }));
    }

    private static void AssertSameAddress(Address expected, Core.Receipts.ChainAddress actual) =>
        Assert.Equal(expected.ToArray(), actual.ToArray());

    /// <summary>A loopback URL nothing listens on: a port the system just handed out and that was closed again.</summary>
    private static Uri ClosedPortUri()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
