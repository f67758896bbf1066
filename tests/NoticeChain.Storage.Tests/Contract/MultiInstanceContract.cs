using System.Security.Cryptography;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Two store instances on one database, as two API processes would have: the guarantees hold across them.</summary>
/// <remarks>
/// Each instance has its own connection pool, so only the database can keep them apart. The factory must let the two
/// be open at once on the same database.
/// </remarks>
public abstract class MultiInstanceContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Two_instances_accepting_the_same_digests_at_once_create_each_notice_once()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        const int Digests = 200;

        // Eight submissions of the same 200 digests, each starting at another digest, half through each instance.
        var submissions = Enumerable.Range(0, 8)
            .Select(k => Enumerable.Range(0, Digests).Select(i => Notice(1 + ((i + (k * 5)) % Digests))).ToArray())
            .ToArray();
        var results = await Task.WhenAll(submissions.Select((notices, k) =>
            Task.Run(() => (k % 2 == 0 ? first : second).Notices.AcceptManyAsync(AuthorityA, notices))));

        var accepted = results.SelectMany(r => r.Notices).ToArray();
        Assert.All(results, r => Assert.Equal(AcceptOutcome.Accepted, r.Outcome));
        Assert.Equal(Digests, accepted.Count(n => n.Created));
        Assert.All(accepted.GroupBy(n => n.Notice.Digest), g => Assert.Single(g.Select(n => n.Notice.Id).Distinct()));
        Assert.Equal(Digests, (await first.Anchoring.ListPendingBacklogsAsync()).Single().Count);
        Assert.Equal(Digests, (await second.Anchoring.ListPendingBacklogsAsync()).Single().Count);
    }

    [Fact]
    public async Task Two_instances_replaying_one_idempotency_key_at_once_store_one_answer()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        var key = Key("retry-storm", "body");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(k =>
            Task.Run(() => (k % 2 == 0 ? first : second).Notices.AcceptManyAsync(AuthorityA, Notices(1, 5), key))));

        Assert.Single(results, r => r.Outcome == AcceptOutcome.Accepted);
        Assert.Equal(7, results.Count(r => r.Outcome == AcceptOutcome.Replayed));
        Assert.Single(results.Select(r => string.Join(",", r.Notices.Select(n => n.Notice.Id))).Distinct());
    }

    [Fact]
    public async Task Two_instances_closing_batches_at_once_put_every_notice_in_one_batch_in_acceptance_order()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        var accepted = new List<NoticeId>();
        for (var from = 1; from <= 200; from += 50)
        {
            var store = from % 100 == 1 ? first : second;
            accepted.AddRange((await store.Notices.AcceptManyAsync(AuthorityA, Notices(from, 50))).Notices.Select(n => n.Notice.Id));
        }

        var batches = await Task.WhenAll(Enumerable.Range(0, 10).Select(k =>
            Task.Run(() => (k % 2 == 0 ? first : second).Anchoring.CreateBatchAsync(AuthorityA, 25))));

        var made = batches.OfType<AnchorAction>().OrderBy(b => b.Id.Value).ToArray();
        Assert.Equal(8, made.Length);
        Assert.Equal(accepted, made.SelectMany(b => b.Notices));
        Assert.Empty(await first.Anchoring.ListPendingBacklogsAsync());
    }

    [Fact]
    public async Task Two_instances_recording_transactions_at_once_never_hand_out_a_nonce_twice()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        const int Actions = 20;
        await first.Notices.AcceptManyAsync(AuthorityA, Notices(1, Actions));
        var actions = new List<ChainActionId>();
        for (var i = 0; i < Actions; i++)
        {
            actions.Add((await first.Anchoring.CreateBatchAsync(AuthorityA, 1))!.Id);
        }

        // Two workers, one per instance, each trying to send every action with what it believes the next nonce is.
        var outcomes = await Task.WhenAll(new[] { first, second }.Select((store, worker) => Task.Run(async () =>
        {
            var recorded = new List<TransactionRecordOutcome>();
            for (var i = 0; i < actions.Count; i++)
            {
                var nonce = await store.Anchoring.GetNextNonceAsync(KeyA);
                while (true)
                {
                    var result = await store.Anchoring.RecordTransactionAsync(actions[i], Transaction(KeyA, nonce, version: (worker * 1000) + i));
                    if (result.Outcome != TransactionRecordOutcome.NonceMismatch)
                    {
                        recorded.Add(result.Outcome);
                        break;
                    }

                    nonce = result.NextNonce;
                }
            }

            return recorded;
        })));

        var inFlight = await second.Anchoring.ListInFlightAsync();
        Assert.Equal(Actions, outcomes.SelectMany(o => o).Count(o => o == TransactionRecordOutcome.Recorded));
        Assert.All(outcomes.SelectMany(o => o), o => Assert.Contains(o, new[] { TransactionRecordOutcome.Recorded, TransactionRecordOutcome.ActionBusy }));
        Assert.Equal(actions.Select(a => a.Value).Order(), inFlight.Select(f => f.Action.Value).Order());
        Assert.Equal(Enumerable.Range(0, Actions).Select(n => (ulong)n), inFlight.Select(f => f.Transaction.Nonce));
        Assert.Equal((ulong)Actions, await first.Anchoring.GetNextNonceAsync(KeyA));
    }

    [Fact]
    public async Task Two_followers_on_two_instances_applying_at_once_keep_one_monotonic_cursor_and_every_fact()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        const ulong Blocks = 60;

        // Each follower reads the cursor and applies the next pages (3 or 5 blocks, one anchor per block) with the page's
        // last block as the cursor, as RegistryFollower does; a page the other follower overtook is refused and the
        // follower reads the cursor again.
        await Task.WhenAll(new[] { (first, 3UL), (second, 5UL) }.Select(f => Task.Run(async () =>
        {
            var (store, pageSize) = f;
            while (true)
            {
                var from = ((await store.Chain.GetCursorAsync())?.BlockNumber ?? 0) + 1;
                if (from > Blocks)
                {
                    return;
                }

                var to = Math.Min(Blocks, from + pageSize - 1);
                var anchors = Enumerable.Range((int)from, (int)(to - from + 1)).Select(b => FollowedAnchor((ulong)b)).ToList();
                try
                {
                    await store.Chain.ApplyAsync(new ChainFacts { Anchors = anchors }, new ChainCursor(to, BlockHash(to)));
                }
                catch (InvalidOperationException)
                {
                    var stored = await store.Chain.GetCursorAsync();
                    Assert.True(stored!.BlockNumber > to, "Only a cursor that another follower moved past may refuse a page.");
                }
            }
        })));

        Assert.Equal(Blocks, (await first.Chain.GetCursorAsync())!.BlockNumber);
        for (ulong block = 1; block <= Blocks; block++)
        {
            var anchor = await second.Chain.GetAnchorAsync(FollowedRoot(block));
            Assert.Equal(block, anchor?.Position.BlockNumber);
        }
    }

    private static MerkleHash FollowedRoot(ulong block) => new(SHA256.HashData(BitConverter.GetBytes(block)));

    private static AnchorFact FollowedAnchor(ulong block) =>
        new(
            FollowedRoot(block),
            AuthorityA,
            KeyA,
            4,
            new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero).AddSeconds((double)block),
            new ChainEventPosition(block, BlockHash(block), new ChainHash(SHA256.HashData(BlockHash(block).ToArray())), 0));
}
