using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain.Events;

/// <summary>The follower's reader: every event kind decoded from <c>eth_getLogs</c>, in chain order, page by page.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class RegistryEventReaderTests(AnvilFixture fixture)
{
    private static readonly DateTimeOffset EffectiveAt = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_event_of_a_registry_history_is_read_typed_and_in_chain_order()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var history = await RunHistoryAsync(bed);

        var events = await new RegistryEventReader(bed.Rpc, bed.Registry).ReadAsync(bed.DeploymentReceipt.BlockNumber, history.LastBlock);

        Assert.Equal(
            [
                typeof(GovernanceTransferred), typeof(IssuerRegistered), typeof(IssuerRegistered), typeof(RootAnchored), typeof(RootAnchored),
                typeof(NoticeRevoked), typeof(NoticeSuperseded), typeof(IssuerKeyRotated), typeof(IssuerRetired),
                typeof(GovernanceTransferStarted), typeof(GovernanceTransferred),
            ],
            events.Select(e => e.GetType()));
        Assert.Equal(events.OrderBy(e => e.Position), events);

        var registered = events.OfType<IssuerRegistered>().ToArray();
        Assert.Equal((history.First.IssuerId, history.First.Address, history.First.Name), (registered[0].IssuerId, registered[0].Key, registered[0].Name));
        Assert.Equal(history.Second.IssuerId, registered[1].IssuerId);
        var anchored = events.OfType<RootAnchored>().First();
        Assert.Equal((history.Batch.Root, history.First.IssuerId, history.First.Address, history.Batch.Size), (anchored.Root, anchored.IssuerId, anchored.Key, anchored.Size));
        Assert.Equal(await bed.BlockTimeAsync(anchored.Position.BlockNumber), anchored.AnchoredAt);
        var revoked = Assert.Single(events.OfType<NoticeRevoked>());
        Assert.Equal((history.First.IssuerId, history.Batch.Leaves[0], history.Batch.Root, RevocationReason.Nullity, EffectiveAt), (revoked.IssuerId, revoked.Leaf, revoked.Root, revoked.Reason, revoked.EffectiveAt));
        var superseded = Assert.Single(events.OfType<NoticeSuperseded>());
        Assert.Equal((history.Batch.Leaves[1], history.Replacement.Leaves[0], history.Replacement.Root), (superseded.OldLeaf, superseded.NewLeaf, superseded.NewRoot));
        var rotated = Assert.Single(events.OfType<IssuerKeyRotated>());
        Assert.Equal((history.Second.IssuerId, history.Second.Address, history.SecondNewKey), (rotated.IssuerId, rotated.OldKey, rotated.NewKey));
        var retired = Assert.Single(events.OfType<IssuerRetired>());
        Assert.Equal((history.Second.IssuerId, history.SecondNewKey), (retired.IssuerId, retired.LastKey));
        var started = Assert.Single(events.OfType<GovernanceTransferStarted>());
        Assert.Equal(history.NewGovernance, started.PendingGovernance);
        Assert.Equal(history.NewGovernance, events.OfType<GovernanceTransferred>().Last().NewGovernance);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(7UL)]
    [InlineData(RegistryEventReader.DefaultBlocksPerPage)]
    public async Task Any_page_size_reads_the_same_events_in_contiguous_pages(ulong blocksPerPage)
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var history = await RunHistoryAsync(bed);
        var from = bed.DeploymentReceipt.BlockNumber;
        var expected = await new RegistryEventReader(bed.Rpc, bed.Registry, ulong.MaxValue).ReadAsync(from, history.LastBlock);
        var reader = new RegistryEventReader(bed.Rpc, bed.Registry, blocksPerPage);

        var pages = new List<RegistryEventPage>();
        await foreach (var page in reader.ReadPagesAsync(from, history.LastBlock))
        {
            pages.Add(page);
        }

        Assert.Equal(from, pages[0].FromBlock);
        Assert.Equal(history.LastBlock, pages[^1].ToBlock);
        Assert.All(pages.Zip(pages.Skip(1)), pair => Assert.Equal(pair.First.ToBlock + 1, pair.Second.FromBlock));
        Assert.All(pages, page => Assert.True(page.ToBlock - page.FromBlock + 1 <= blocksPerPage));
        Assert.All(pages, page => Assert.All(page.Events, e => Assert.InRange(e.Position.BlockNumber, page.FromBlock, page.ToBlock)));
        Assert.Equal(expected, pages.SelectMany(p => p.Events));
        Assert.Equal(11, expected.Count);
    }

    [Fact]
    public async Task Events_of_another_registry_on_the_same_node_are_not_read()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        using var otherBed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        await otherBed.RegisterAuthorityAsync();
        var latest = await bed.Rpc.BlockNumberAsync();

        var events = await new RegistryEventReader(bed.Rpc, bed.Registry).ReadAsync(bed.DeploymentReceipt.BlockNumber, latest);

        Assert.Equal([typeof(GovernanceTransferred), typeof(IssuerRegistered)], events.Select(e => e.GetType()));
        Assert.Equal(authority.IssuerId, ((IssuerRegistered)events[1]).IssuerId);
    }

    [Fact]
    public async Task A_range_without_events_reads_as_empty_pages()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);

        var pages = new List<RegistryEventPage>();
        await foreach (var page in new RegistryEventReader(bed.Rpc, bed.Registry, 1).ReadPagesAsync(0, bed.DeploymentReceipt.BlockNumber - 1))
        {
            pages.Add(page);
        }

        Assert.Equal((int)bed.DeploymentReceipt.BlockNumber, pages.Count);
        Assert.All(pages, page => Assert.Empty(page.Events));
    }

    [Fact]
    public async Task Reader_rejects_a_reversed_range_and_an_empty_page_size()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var reader = new RegistryEventReader(bed.Rpc, bed.Registry);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.ReadAsync(10, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegistryEventReader(bed.Rpc, bed.Registry, 0));
    }

    private static async Task<History> RunHistoryAsync(RegistryTestBed bed)
    {
        var first = await bed.RegisterAuthorityAsync("Jobcenter Musterstadt");
        var second = await bed.RegisterAuthorityAsync("Bauamt Beispielhausen");
        var batch = await RegistryTestBed.AnchorBatchAsync(first, 6);
        var replacement = await RegistryTestBed.AnchorBatchAsync(first, 2);
        await first.Client.RevokeAsync(batch.Notice(0), RevocationReason.Nullity, EffectiveAt);
        await first.Client.SupersedeAsync(batch.Notice(1), replacement.Notice(0), RevocationReason.Correction, EffectiveAt);
        var (secondNewKey, _) = await bed.FundedSenderAsync();
        await bed.Governance.RotateIssuerKeyAsync(second.IssuerId, secondNewKey.Address);
        await bed.Governance.RetireIssuerAsync(second.IssuerId);
        var (newGovernance, newGovernanceSender) = await bed.FundedSenderAsync();
        await bed.Governance.TransferGovernanceAsync(newGovernance.Address);
        var accepted = await bed.ClientFor(newGovernanceSender).AcceptGovernanceAsync();
        return new History(first, second, batch, replacement, secondNewKey.Address, newGovernance.Address, accepted.BlockNumber);
    }

    private sealed record History(
        Authority First,
        Authority Second,
        NoticeBatch Batch,
        NoticeBatch Replacement,
        NoticeChain.Ethereum.Crypto.Address SecondNewKey,
        NoticeChain.Ethereum.Crypto.Address NewGovernance,
        ulong LastBlock);
}
