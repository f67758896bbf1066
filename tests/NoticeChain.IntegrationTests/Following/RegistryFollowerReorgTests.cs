using System.Text.Json;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Following;

[Collection(AnvilCollectionDefinition.Name)]
public sealed class RegistryFollowerReorgTests
{
    [Fact]
    public async Task A_reorg_that_drops_an_indexed_anchor_rewinds_and_removes_it_from_the_index()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var authority = await bed.Chain.RegisterAuthorityAsync();
        var follower = bed.NewFollower();
        await follower.RunOnceAsync();
        var snapshot = (await bed.Node.SendAsync("evm_snapshot")).GetString()!;
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);
        await follower.RunOnceAsync();
        Assert.NotNull(await bed.Store.GetAnchorAsync(batch.Root));

        await RevertAsync(bed, snapshot);
        await bed.MineAsync(2);
        var result = await follower.RunOnceAsync();

        Assert.NotNull(result.RewoundTo);
        Assert.True(result.CaughtUp);
        Assert.Null(await bed.Store.GetAnchorAsync(batch.Root));
        Assert.NotNull(await bed.Store.GetAuthorityAsync(FollowingTestBed.AuthorityOf(authority)));
        var head = await bed.Rpc.GetBlockByNumberAsync(BlockParameter.Latest);
        Assert.Equal(head!.Hash.ToString(), result.Cursor!.BlockHash.ToString());
    }

    [Fact]
    public async Task An_anchor_mined_again_on_the_new_chain_reappears_with_its_new_block()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var authority = await bed.Chain.RegisterAuthorityAsync();
        var follower = bed.NewFollower();
        await follower.RunOnceAsync();
        var snapshot = (await bed.Node.SendAsync("evm_snapshot")).GetString()!;
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);
        await follower.RunOnceAsync();
        var before = (await bed.Store.GetAnchorAsync(batch.Root))!;

        await RevertAsync(bed, snapshot);
        await bed.MineAsync(3);
        await authority.Client.AnchorAsync(batch.Root, batch.Size);
        var result = await follower.RunOnceAsync();

        Assert.NotNull(result.RewoundTo);
        var after = await bed.Store.GetAnchorAsync(batch.Root);
        Assert.NotNull(after);
        Assert.Equal(before.TreeSize, after.TreeSize);
        Assert.NotEqual(before.Position.BlockNumber, after.Position.BlockNumber);
        var block = await bed.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(after.Position.BlockNumber));
        Assert.Equal(block!.Hash.ToString(), after.Position.BlockHash.ToString());
    }

    [Fact]
    public async Task A_reorg_to_a_chain_of_the_same_height_is_detected_by_the_cursor_hash()
    {
        await using var bed = await FollowingTestBed.StartAsync();
        var authority = await bed.Chain.RegisterAuthorityAsync();
        var follower = bed.NewFollower();
        await follower.RunOnceAsync();
        var snapshot = (await bed.Node.SendAsync("evm_snapshot")).GetString()!;
        var dropped = await RegistryTestBed.AnchorBatchAsync(authority, 2);
        var indexed = await follower.RunOnceAsync();

        await RevertAsync(bed, snapshot);
        var replacement = await RegistryTestBed.AnchorBatchAsync(authority, 5);
        Assert.Equal(indexed.Cursor!.BlockNumber, await bed.HeadAsync());
        var result = await follower.RunOnceAsync();

        Assert.NotNull(result.RewoundTo);
        Assert.Null(await bed.Store.GetAnchorAsync(dropped.Root));
        Assert.Equal(5UL, (await bed.Store.GetAnchorAsync(replacement.Root))!.TreeSize);
    }

    private static async Task RevertAsync(FollowingTestBed bed, string snapshot) =>
        Assert.True((await bed.Node.SendAsync("evm_revert", JsonSerializer.Serialize(new[] { snapshot }))).GetBoolean());
}
