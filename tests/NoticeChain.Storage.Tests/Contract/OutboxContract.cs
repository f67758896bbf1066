using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Notice rows as the outbox: backlogs, batches in acceptance order, and nothing lost across a restart.</summary>
public abstract class OutboxContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task The_backlog_lists_each_authority_with_its_count_and_oldest_notice()
    {
        await using var store = await OpenAsync();
        var start = Time.GetUtcNow();
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3));
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.Notices.AcceptAsync(AuthorityB, Notice(10));
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.Notices.AcceptAsync(AuthorityA, Notice(4));

        var backlogs = await store.Anchoring.ListPendingBacklogsAsync();

        Assert.Equal(
            [new PendingBacklog(AuthorityA, 4, start), new PendingBacklog(AuthorityB, 1, start.AddSeconds(1))],
            backlogs);
    }

    [Fact]
    public async Task The_pending_count_follows_notices_from_acceptance_through_batches_to_mined_and_back_after_a_reorg()
    {
        await using var store = await OpenAsync();
        Assert.Empty(await store.Anchoring.CountPendingNoticesAsync());
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 5));
        await store.Notices.AcceptManyAsync(AuthorityB, Notices(100, 3));

        Assert.Equal(
            [new PendingNoticeCount(AuthorityA, 5, 0), new PendingNoticeCount(AuthorityB, 3, 0)],
            (await store.Anchoring.CountPendingNoticesAsync()).OrderBy(c => c.Authority.ToString()));

        // A closed batch (ready), then one with a live transaction (in flight): still pending, now in batches.
        var ready = await store.Anchoring.CreateBatchAsync(AuthorityA, maxSize: 2);
        var inFlight = await store.Anchoring.CreateBatchAsync(AuthorityA, maxSize: 2);
        var sent = await RecordNextAsync(store, inFlight!.Id, KeyA);
        Assert.Contains(new PendingNoticeCount(AuthorityA, 1, 4), await store.Anchoring.CountPendingNoticesAsync());

        // Mined: no longer pending. B's batch mined too: B drops out of the list.
        var (minedB, _, _) = await AnchorNextBatchAsync(store, AuthorityB, KeyB, block: 7);
        var mined = TestData.Mined(sent, 8, Time.GetUtcNow());
        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkMinedAsync(inFlight.Id, mined));
        Assert.Equal([new PendingNoticeCount(AuthorityA, 1, 2)], await store.Anchoring.CountPendingNoticesAsync());
        Assert.NotNull(ready);

        // A reorg dropped B's block: its notices are pending again.
        Assert.True(await store.Anchoring.UnmineAsync(minedB.Id));
        Assert.Contains(new PendingNoticeCount(AuthorityB, 0, 3), await store.Anchoring.CountPendingNoticesAsync());
    }

    [Fact]
    public async Task A_batch_takes_the_oldest_pending_notices_in_acceptance_order()
    {
        await using var store = await OpenAsync();
        var accepted = new List<Notice>();
        for (var i = 1; i <= 5; i++)
        {
            accepted.Add((await store.Notices.AcceptAsync(AuthorityA, Notice(i))).Only.Notice);
            await store.Notices.AcceptAsync(AuthorityB, Notice(100 + i));
            Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var first = await store.Anchoring.CreateBatchAsync(AuthorityA, maxSize: 3);
        var second = await store.Anchoring.CreateBatchAsync(AuthorityA, maxSize: 3);
        var third = await store.Anchoring.CreateBatchAsync(AuthorityA, maxSize: 3);

        Assert.Equal(accepted.Take(3).Select(n => n.Id), first!.Notices);
        Assert.Equal(3UL, first.TreeSize);
        Assert.Equal(MerkleTree.FromLeafHashes(accepted.Take(3).Select(n => n.Leaf)).Root, first.Root);
        Assert.Equal(accepted.Skip(3).Select(n => n.Id), second!.Notices);
        Assert.Equal(MerkleTree.FromLeafHashes(accepted.Skip(3).Select(n => n.Leaf)).Root, second.Root);
        Assert.Null(third);
        Assert.Equal(AuthorityB, (await store.Anchoring.ListPendingBacklogsAsync()).Single().Authority);
        Assert.True(second.Id.Value > first.Id.Value);
    }

    [Fact]
    public async Task Concurrent_batching_puts_every_notice_in_exactly_one_batch()
    {
        await using var store = await OpenAsync();
        var accepted = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 100))).Notices.Select(n => n.Notice.Id).ToArray();

        var batches = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => store.Anchoring.CreateBatchAsync(AuthorityA, 30))));

        var batched = batches.Where(b => b is not null).SelectMany(b => b!.Notices).ToArray();
        Assert.Equal(accepted.Order(), batched.Order());
        Assert.Equal(4, batches.Count(b => b is not null));
    }

    [Fact]
    public async Task A_batch_is_never_made_for_an_authority_without_pending_notices()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityB, Notice(1));

        Assert.Null(await store.Anchoring.CreateBatchAsync(AuthorityA, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Anchoring.CreateBatchAsync(AuthorityB, 0));
    }

    [Fact]
    public async Task Batched_notices_stay_pending_until_the_batch_is_mined()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 10);
        await RecordNextAsync(store, batch!.Id, KeyA);

        var stored = await store.Notices.GetAsync(AuthorityA, notice.Id);

        Assert.Equal(NoticeStatus.Pending, stored!.Status);
        Assert.Null(stored.AnchoredAt);
        Assert.Null(await store.Notices.GetReceiptAsync(AuthorityA, notice.Id));
    }

    [Fact]
    public async Task A_notice_accepted_after_a_batch_closed_goes_into_the_next_batch()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));
        var first = await store.Anchoring.CreateBatchAsync(AuthorityA, 10);
        var late = (await store.Notices.AcceptAsync(AuthorityA, Notice(2))).Only.Notice;

        var second = await store.Anchoring.CreateBatchAsync(AuthorityA, 10);

        Assert.Single(first!.Notices);
        Assert.Equal([late.Id], second!.Notices);
    }

    [Fact]
    public async Task Everything_survives_closing_and_reopening_the_store()
    {
        Notice pending;
        AnchorAction batch;
        OutgoingTransaction transaction;
        Notice batched;
        await using (var store = await OpenAsync())
        {
            batched = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
            batch = (await store.Anchoring.CreateBatchAsync(AuthorityA, 10))!;
            transaction = await RecordNextAsync(store, batch.Id, KeyA);
            pending = (await store.Notices.AcceptAsync(AuthorityA, Notice(2), Key("retry-me", "body"))).Only.Notice;
            await store.Notices.RequestRevocationAsync(AuthorityA, batched.Id, RevocationReason.Correction, Time.GetUtcNow());
        }

        await using var reopened = await OpenAsync();

        Assert.Equal(pending, await reopened.Notices.GetAsync(AuthorityA, pending.Id));
        Assert.Equal(new PendingBacklog(AuthorityA, 1, pending.AcceptedAt), (await reopened.Anchoring.ListPendingBacklogsAsync()).Single());
        var inFlight = (await reopened.Anchoring.ListInFlightAsync()).Single();
        Assert.Equal(batch.Id, inFlight.Action);
        Assert.Equal(transaction.Hash, inFlight.Transaction.Hash);
        Assert.Equal(transaction.RawTransaction.ToArray(), inFlight.Transaction.RawTransaction.ToArray());
        Assert.Equal(1UL, await reopened.Anchoring.GetNextNonceAsync(KeyA));
        var reread = (AnchorAction)(await reopened.Anchoring.GetActionAsync(batch.Id))!;
        Assert.Equal((batch.Root, batch.TreeSize), (reread.Root, reread.TreeSize));
        Assert.Equal(batch.Notices, reread.Notices);
        Assert.Equal(AcceptOutcome.Replayed, (await reopened.Notices.AcceptAsync(AuthorityA, Notice(2), Key("retry-me", "body"))).Outcome);
        Assert.NotNull((await reopened.Notices.GetAsync(AuthorityA, batched.Id))!.RevocationRequest);
    }
}
