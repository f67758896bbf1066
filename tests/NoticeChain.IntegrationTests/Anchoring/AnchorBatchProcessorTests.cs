using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;
using NoticeChain.Storage.Sqlite;
using RevocationReason = NoticeChain.Chain.RevocationReason;

namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>The anchoring worker's pass on a healthy node: batching, anchoring, receipts, revocation, supersession.</summary>
/// <remarks>In the "anvil" collection only to run one at a time with the other node tests; each test starts its own node.</remarks>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class AnchorBatchProcessorTests
{
    [Fact]
    public async Task Notices_of_three_authorities_are_anchored_by_their_own_keys_and_every_receipt_verifies()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var building = await bed.AddAuthorityAsync();
        var youth = await bed.AddAuthorityAsync();
        var jobs = await bed.AddAuthorityAsync();
        var notices = new List<SubmittedNotice>();
        notices.AddRange(await bed.SubmitAsync(building, 40));
        notices.AddRange(await bed.SubmitAsync(youth, 7));
        notices.AddRange(await bed.SubmitAsync(jobs, 1));
        var processor = bed.NewProcessor();

        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(notices));

        var roots = new HashSet<string>();
        foreach (var notice in notices)
        {
            roots.Add((await bed.AssertAnchoredAsync(notice)).Root.ToString());
        }

        // 40 notices at 16 per batch are 3 batches, then 1 each: every batch one transaction, no nonce skipped or reused.
        Assert.Equal(5, roots.Count);
        Assert.Equal(3UL, await bed.MinedNonceAsync(building));
        Assert.Equal(1UL, await bed.MinedNonceAsync(youth));
        Assert.Equal(1UL, await bed.MinedNonceAsync(jobs));
        Assert.Equal(5, bed.Events.Count(e => e.Kind == AnchoringEventKind.TransactionMined));
        Assert.DoesNotContain(bed.Events, e => e.Kind is AnchoringEventKind.NodeUnavailable or AnchoringEventKind.BroadcastRefused);
    }

    [Fact]
    public async Task Ten_thousand_notices_of_three_authorities_are_anchored_in_batches_of_the_default_size()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var sizes = new Dictionary<AuthorityId, int>
        {
            [await bed.AddAuthorityAsync()] = 5_000,
            [await bed.AddAuthorityAsync()] = 3_000,
            [await bed.AddAuthorityAsync()] = 2_000,
        };
        var notices = new List<SubmittedNotice>();
        foreach (var (authority, count) in sizes)
        {
            notices.AddRange(await bed.SubmitAsync(authority, count));
        }

        var processor = bed.NewProcessor(options: new AnchoringOptions { Registry = bed.Chain.Registry });
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(notices));

        var firstOfEachRoot = new Dictionary<MerkleHash, SubmittedNotice>();
        foreach (var notice in notices)
        {
            var receipt = await bed.Store.GetReceiptAsync(notice.Authority, notice.Id);
            Assert.Equal(ReceiptVerificationResult.Verified, receipt!.Verify(notice.Digest));
            firstOfEachRoot.TryAdd(receipt.Root, notice);
        }

        // 5,000 = 4,096 + 904; the others fit one batch each.
        Assert.Equal(4, firstOfEachRoot.Count);
        foreach (var notice in firstOfEachRoot.Values)
        {
            await bed.AssertAnchoredAsync(notice);
        }

        var last = await bed.AssertAnchoredAsync(notices[^1]);
        Assert.Equal(1_999UL, last.Proof.LeafIndex);
        var nonces = await Task.WhenAll(sizes.Keys.Select(bed.MinedNonceAsync));
        Assert.Equal([2UL, 1UL, 1UL], nonces);
    }

    [Fact]
    public async Task A_batch_closes_when_its_oldest_notice_has_waited_the_window()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        await bed.SubmitAsync(authority, 3);
        var processor = bed.NewProcessor();

        var early = await processor.RunOnceAsync();
        bed.Time.Advance(AnchoringTestBed.Window - TimeSpan.FromMilliseconds(1));
        var justBefore = await processor.RunOnceAsync();
        bed.Time.Advance(TimeSpan.FromMilliseconds(1));
        var atWindow = await processor.RunOnceAsync();

        Assert.Equal((0, 0), (early.BatchesClosed, early.TransactionsSent));
        Assert.Equal((0, 0), (justBefore.BatchesClosed, justBefore.TransactionsSent));
        Assert.Equal((1, 1), (atWindow.BatchesClosed, atWindow.TransactionsSent));
        Assert.True(atWindow.Completed);
    }

    [Fact]
    public async Task A_full_backlog_closes_at_once_in_batches_of_the_maximum_size()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var notices = await bed.SubmitAsync(authority, 35);
        var processor = bed.NewProcessor();

        var first = await processor.RunOnceAsync();

        // 35 at 16 per batch: two full batches now, the 3 left over wait for their window.
        Assert.Equal(2, first.BatchesClosed);
        Assert.Equal(2, first.TransactionsSent);
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(notices));
        var sizes = new HashSet<ulong>();
        foreach (var notice in notices)
        {
            sizes.Add((await bed.AssertAnchoredAsync(notice)).Proof.TreeSize);
        }

        Assert.Equal([3UL, 16UL], sizes.Order());
        Assert.Equal(3UL, await bed.MinedNonceAsync(authority));
    }

    [Fact]
    public async Task A_requested_revocation_is_sent_once_the_notice_is_anchored_and_the_registry_records_it()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var notices = await bed.SubmitAsync(authority, 5);
        var effectiveAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var request = await bed.Store.RequestRevocationAsync(authority, notices[3].Id, NoticeChain.Core.Notices.RevocationReason.Nullity, effectiveAt);
        Assert.Equal(RevocationRequestOutcome.Recorded, request.Outcome);
        var processor = bed.NewProcessor();
        var issuer = bed.ChainAuthority(authority).IssuerId;
        Receipt? receipt = null;

        await bed.RunUntilAsync(processor, async () =>
        {
            receipt ??= await bed.Store.GetReceiptAsync(authority, notices[3].Id);
            return receipt is not null && await bed.Chain.Governance.GetRevocationAsync(issuer, receipt.LeafHash) is not null;
        });

        var revocation = await bed.Chain.Governance.GetRevocationAsync(issuer, receipt!.LeafHash);
        Assert.Equal(RevocationReason.Nullity, revocation!.Reason);
        Assert.Equal(effectiveAt, revocation.EffectiveAt);
        Assert.Null(await bed.Chain.Governance.GetRevocationAsync(issuer, (await bed.AssertAnchoredAsync(notices[2])).LeafHash));
        Assert.Equal(2UL, await bed.MinedNonceAsync(authority));
        Assert.Equal(
            ["Anchor, nonce 0", "Revoke, nonce 1"],
            bed.Events.Where(e => e.Kind == AnchoringEventKind.TransactionSent).Select(e => e.Detail));
    }

    [Fact]
    public async Task A_notice_submitted_as_a_replacement_supersedes_the_old_one_on_chain_once_both_are_anchored()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var original = (await bed.SubmitAsync(authority, 1))[0];
        var processor = bed.NewProcessor();
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync([original]));
        var correction = (await bed.SubmitAsync(authority, 1, supersedes: original.Id))[0];
        var issuer = bed.ChainAuthority(authority).IssuerId;
        var oldLeaf = (await bed.AssertAnchoredAsync(original)).LeafHash;

        await bed.RunUntilAsync(processor, async () => await bed.Chain.Governance.GetSupersessionAsync(issuer, oldLeaf) is not null);

        var newReceipt = await bed.AssertAnchoredAsync(correction);
        var supersession = await bed.Chain.Governance.GetSupersessionAsync(issuer, oldLeaf);
        Assert.Equal(newReceipt.LeafHash, supersession!.NewLeaf);
        Assert.Equal(RevocationReason.Other, supersession.Reason);
        Assert.Equal(newReceipt.Anchor.AnchoredAt, supersession.EffectiveAt);
        Assert.Equal(3UL, await bed.MinedNonceAsync(authority));
    }

    [Fact]
    public async Task An_action_the_registry_would_refuse_is_not_signed_holds_up_no_one_and_goes_out_once_the_key_is_registered()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var unregistered = await bed.AddAuthorityAsync(registerOnChain: false);
        var registered = await bed.AddAuthorityAsync();
        var refusedNotices = await bed.SubmitAsync(unregistered, 2);
        var otherNotices = await bed.SubmitAsync(registered, 2);
        var processor = bed.NewProcessor(options: bed.Options with { MaxActionsPerAuthority = 1 });
        bed.Time.Advance(AnchoringTestBed.Window);

        var refused = await processor.RunOnceAsync();
        var again = await processor.RunOnceAsync();

        Assert.Equal((2, 1, 1, true), (refused.BatchesClosed, refused.TransactionsSent, refused.Refused, refused.Completed));
        Assert.Equal((0, 0, 1), (again.BatchesClosed, again.TransactionsSent, again.Refused));

        // The other authority's transaction is mined as soon as the node gets to it (not necessarily by this pass).
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(otherNotices));
        Assert.Equal(0UL, await bed.MinedNonceAsync(unregistered));
        Assert.All(
            bed.Events.Where(e => e.Kind == AnchoringEventKind.ActionRefused),
            e => Assert.Equal((unregistered, "UnknownKey"), (e.Authority!.Value, e.Detail)));

        var chainAuthority = bed.ChainAuthority(unregistered);
        await bed.Chain.Governance.RegisterIssuerAsync(chainAuthority.IssuerId, "Jugendamt Musterstadt", chainAuthority.Address);
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(refusedNotices));

        await bed.AssertAnchoredAsync(refusedNotices[0]);
        Assert.Equal(1UL, await bed.MinedNonceAsync(unregistered));
    }

    [Fact]
    public async Task An_authority_without_a_key_is_reported_and_the_others_are_anchored()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var keyless = await bed.AddAuthorityAsync();
        var other = await bed.AddAuthorityAsync();
        bed.Keyring.Remove(keyless);
        var waiting = await bed.SubmitAsync(keyless, 2);
        var anchored = await bed.SubmitAsync(other, 2);
        var processor = bed.NewProcessor();

        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(anchored));

        Assert.False(await bed.AllAnchoredAsync(waiting));
        Assert.Contains(bed.Events, e => e.Kind == AnchoringEventKind.KeyMissing && e.Authority == keyless);
        Assert.Equal(0UL, await bed.MinedNonceAsync(keyless));
    }

    [Fact]
    public async Task Options_that_cannot_work_are_rejected()
    {
        var registry = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        var directory = Directory.CreateTempSubdirectory("noticechain-anchoring-options-");
        try
        {
            await using var store = await SqliteNoticeStore.OpenAsync(Path.Combine(directory.FullName, "noticechain.db"), TimeProvider.System);
            using var http = new HttpClient();
            var rpc = new EthRpcClient(http, new Uri("http://127.0.0.1:9/"));
            var keyring = new InMemoryAuthorityKeyring();
            AnchorBatchProcessor Create(AnchoringOptions options) => new(store, rpc, keyring, options);

            Assert.Throws<ArgumentException>(() => Create(new AnchoringOptions { Registry = Address.Zero }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Create(new AnchoringOptions { Registry = registry, MaxBatchSize = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Create(new AnchoringOptions { Registry = registry, BatchWindow = TimeSpan.FromSeconds(-1) }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Create(new AnchoringOptions { Registry = registry, ReplaceAfter = TimeSpan.Zero }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Create(new AnchoringOptions { Registry = registry, MaxActionsPerAuthority = 0 }));
            Assert.Throws<ArgumentException>(() => Create(new AnchoringOptions { Registry = registry, SupersessionReason = (RevocationReason)9 }));
            Assert.NotNull(Create(new AnchoringOptions { Registry = registry }));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
