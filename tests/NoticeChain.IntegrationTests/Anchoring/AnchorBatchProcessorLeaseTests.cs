using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>Two anchoring workers on one store (decision 0016): only the lease holder works on an authority, the other
/// takes over once the lease expires or is released, and the one that lost it stops.</summary>
/// <remarks>The store is SQLite with the bed's hand-moved clock, so a lease expires when the test moves the clock.</remarks>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class AnchorBatchProcessorLeaseTests
{
    [Fact]
    public async Task Only_the_lease_holder_anchors_and_the_other_worker_takes_over_when_the_lease_expires()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var before = await bed.SubmitAsync(authority, 4);
        var first = bed.NewProcessor(options: bed.Options with { Holder = new LeaseHolderId("worker-1") });
        var second = bed.NewProcessor(options: bed.Options with { Holder = new LeaseHolderId("worker-2") });
        bed.Time.Advance(AnchoringTestBed.Window);

        var holding = await first.RunOnceAsync();
        var waiting = await second.RunOnceAsync();

        Assert.Equal((1, 1), (holding.BatchesClosed, holding.TransactionsSent));
        Assert.True(waiting.Idle);
        Assert.Equal([authority], first.HeldAuthorities);
        Assert.Empty(second.HeldAuthorities);

        // The first worker dies (no more passes); its lease runs out by the store's clock.
        var after = await bed.SubmitAsync(authority, 3);
        bed.Time.Advance(new AnchoringOptions { Registry = bed.Chain.Registry }.LeaseDuration);
        await bed.RunUntilAsync(second, () => bed.AllAnchoredAsync([.. before, .. after]));

        Assert.Equal([authority], second.HeldAuthorities);
        Assert.True(second.IsReconciled);
        Assert.Equal(2UL, await bed.MinedNonceAsync(authority));
        Assert.Contains(bed.Events, e => e.Kind == AnchoringEventKind.LeaseAcquired && e.Authority == authority && e.Detail!.Contains("worker-2", StringComparison.Ordinal));

        var late = await first.RunOnceAsync();
        Assert.True(late.Idle);
        Assert.Empty(first.HeldAuthorities);
        Assert.Contains(bed.Events, e => e.Kind == AnchoringEventKind.LeaseLost && e.Authority == authority);
        await bed.AssertAnchoredAsync(after[0]);
    }

    [Fact]
    public async Task Released_leases_are_taken_by_the_other_worker_at_once()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var first = bed.NewProcessor(options: bed.Options with { Holder = new LeaseHolderId("worker-1") });
        var second = bed.NewProcessor(options: bed.Options with { Holder = new LeaseHolderId("worker-2") });
        await first.RunOnceAsync();
        await second.RunOnceAsync();
        Assert.Empty(second.HeldAuthorities);

        Assert.True(await first.ReleaseLeasesAsync());
        var notices = await bed.SubmitAsync(authority, 2);
        await bed.RunUntilAsync(second, () => bed.AllAnchoredAsync(notices));

        Assert.Equal([authority], second.HeldAuthorities);
        Assert.Empty(first.HeldAuthorities);
        Assert.Single(await bed.Store.ListLeasesAsync(), l => l.Holder == second.Holder);
    }
}
