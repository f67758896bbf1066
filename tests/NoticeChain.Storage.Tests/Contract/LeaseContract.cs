using System.Diagnostics;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Anchoring leases (decision 0016): one holder per authority at a time, renewals, expiry, release, and
/// the race of several holders on two store instances.</summary>
/// <remarks>
/// Expiry is the database's clock: the store's <see cref="TimeProvider"/> for SQLite, the server's <c>now()</c> for
/// PostgreSQL. A test that lets a lease expire therefore both advances the test's clock and, for a server that
/// reads its own, asks again until it sees the lease gone, within a bound; a lease meant to stay is an hour long,
/// so no assertion depends on how fast the machine is.
/// </remarks>
public abstract class LeaseContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);
    private static readonly LeaseHolderId First = new("worker-1");
    private static readonly LeaseHolderId Second = new("worker-2");

    [Fact]
    public async Task A_free_lease_is_granted_and_a_held_one_is_refused_to_another_holder()
    {
        await using var store = await OpenAsync();

        var taken = await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA, AuthorityB], Long);
        var refused = await store.Anchoring.AcquireLeasesAsync(Second, [AuthorityB, AuthorityA], Long);

        Assert.Equal([AuthorityA, AuthorityB], taken.Select(l => l.Authority).Order(AuthorityOrder.Instance));
        Assert.All(taken, l => Assert.Equal(First, l.Holder));
        Assert.All(taken, l => Assert.True(l.ExpiresAt - l.AcquiredAt >= Long - TimeSpan.FromMilliseconds(1)));
        Assert.Empty(refused);
        Assert.All(await store.Anchoring.ListLeasesAsync(), l => Assert.Equal(First, l.Holder));
    }

    [Fact]
    public async Task A_renewal_moves_the_expiry_and_keeps_the_acquisition_time()
    {
        await using var store = await OpenAsync();
        var taken = Assert.Single(await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long));

        Time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await EventuallyAsync(
            () => store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long),
            leases => leases.Count == 1 && leases[0].ExpiresAt > taken.ExpiresAt);

        Assert.Equal(taken.AcquiredAt, renewed[0].AcquiredAt);
        Assert.Equal(First, renewed[0].Holder);
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_holder_who_asks_and_the_old_holder_cannot_renew_it()
    {
        await using var store = await OpenAsync();
        Assert.Single(await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Short));

        Time.Advance(Short);
        var takenOver = await EventuallyAsync(
            () => store.Anchoring.AcquireLeasesAsync(Second, [AuthorityA], Long),
            leases => leases.Count == 1);
        var lateRenewal = await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long);

        Assert.Equal(Second, takenOver[0].Holder);
        Assert.Empty(lateRenewal);
        Assert.Equal(Second, Assert.Single(await store.Anchoring.ListLeasesAsync()).Holder);
    }

    [Fact]
    public async Task A_holder_whose_lease_lapsed_gets_it_back_with_a_new_acquisition_time()
    {
        await using var store = await OpenAsync();
        var first = Assert.Single(await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Short));

        Time.Advance(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => store.Anchoring.ListLeasesAsync(), leases => leases.Count == 0);
        var again = Assert.Single(await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long));

        Assert.Equal(First, again.Holder);
        Assert.True(again.AcquiredAt > first.AcquiredAt);
    }

    [Fact]
    public async Task Released_leases_can_be_taken_at_once_and_a_release_touches_only_the_holders_own()
    {
        await using var store = await OpenAsync();
        await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long);
        await store.Anchoring.AcquireLeasesAsync(Second, [AuthorityB], Long);

        Assert.Equal(1, await store.Anchoring.ReleaseLeasesAsync(First));
        Assert.Equal(0, await store.Anchoring.ReleaseLeasesAsync(First));
        var taken = await store.Anchoring.AcquireLeasesAsync(Second, [AuthorityA, AuthorityB], Long);

        Assert.Equal([AuthorityA, AuthorityB], taken.Select(l => l.Authority).Order(AuthorityOrder.Instance));
        Assert.All(await store.Anchoring.ListLeasesAsync(), l => Assert.Equal(Second, l.Holder));
    }

    [Fact]
    public async Task Leases_survive_a_restart_of_the_store()
    {
        await using (var store = await OpenAsync())
        {
            await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long);
        }

        await using var reopened = await OpenAsync();
        Assert.Empty(await reopened.Anchoring.AcquireLeasesAsync(Second, [AuthorityA], Long));
        Assert.Single(await reopened.Anchoring.AcquireLeasesAsync(First, [AuthorityA], Long));
    }

    [Fact]
    public async Task Asking_for_nothing_or_twice_for_one_authority_is_fine_and_bad_arguments_are_refused()
    {
        await using var store = await OpenAsync();

        Assert.Empty(await store.Anchoring.AcquireLeasesAsync(First, [], Long));
        Assert.Single(await store.Anchoring.AcquireLeasesAsync(First, [AuthorityA, AuthorityA], Long));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Anchoring.AcquireLeasesAsync(First, [AuthorityA], TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Anchoring.AcquireLeasesAsync(First, null!, Long));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Anchoring.AcquireLeasesAsync(default, [AuthorityA], Long));
        Assert.Throws<ArgumentException>(() => new LeaseHolderId("no spaces"));
        Assert.Throws<ArgumentException>(() => new LeaseHolderId(new string('a', LeaseHolderId.MaxLength + 1)));
        Assert.Matches("^[0-9a-f]{32}$", LeaseHolderId.NewRandom().Value);
    }

    [Fact]
    public async Task Holders_racing_on_two_instances_never_share_an_authority()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        var authorities = Enumerable.Range(1, 12).Select(n => Authority((byte)n)).ToArray();
        var holders = Enumerable.Range(0, 6).Select(n => new LeaseHolderId($"racer-{n}")).ToArray();

        for (var round = 0; round < 5; round++)
        {
            // Each holder asks for the authorities in its own order, half of them through each instance.
            var answers = await Task.WhenAll(holders.Select((holder, n) => Task.Run(() =>
                (n % 2 == 0 ? first : second).Anchoring.AcquireLeasesAsync(holder, [.. authorities.Skip(n).Concat(authorities.Take(n))], Long))));

            var granted = answers.SelectMany(a => a).ToList();
            Assert.Equal(authorities.Length, granted.Count);
            Assert.Equal(authorities.Length, granted.Select(l => l.Authority).Distinct().Count());
            var listed = await second.Anchoring.ListLeasesAsync();
            Assert.Equal(granted.Select(l => (l.Authority, l.Holder)).OrderBy(x => x.Authority, AuthorityOrder.Instance),
                listed.Select(l => (l.Authority, l.Holder)).OrderBy(x => x.Authority, AuthorityOrder.Instance));

            foreach (var holder in holders)
            {
                await first.Anchoring.ReleaseLeasesAsync(holder);
            }
        }
    }

    /// <summary>Asks until <paramref name="done"/> holds; a server that reads its own clock may need a few tries
    /// after the test's clock moved. Fails after ten seconds, which no lease in these tests comes near.</summary>
    private static async Task<IReadOnlyList<AnchoringLease>> EventuallyAsync(
        Func<Task<IReadOnlyList<AnchoringLease>>> ask,
        Func<IReadOnlyList<AnchoringLease>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var leases = await ask();
            if (done(leases))
            {
                return leases;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The lease did not reach the expected state within 10 s.");
            await Task.Delay(20);
        }
    }

    private sealed class AuthorityOrder : IComparer<AuthorityId>
    {
        public static readonly AuthorityOrder Instance = new();

        public int Compare(AuthorityId x, AuthorityId y) => string.CompareOrdinal(x.ToString(), y.ToString());
    }
}
