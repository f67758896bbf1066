using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Chain actions and their transactions: persisted before broadcast, nonces without gaps, replacement,
/// mining, reverts and reorgs.</summary>
public abstract class TransactionContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Recording_a_transaction_consumes_the_senders_next_nonce()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 2));
        var first = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
        var second = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);

        var recorded = await store.Anchoring.RecordTransactionAsync(first!.Id, Transaction(KeyA, 0));
        var next = await store.Anchoring.RecordTransactionAsync(second!.Id, Transaction(KeyA, 1));

        Assert.Equal(new TransactionRecordResult(TransactionRecordOutcome.Recorded, 1), recorded);
        Assert.Equal(new TransactionRecordResult(TransactionRecordOutcome.Recorded, 2), next);
        Assert.Equal(2UL, await store.Anchoring.GetNextNonceAsync(KeyA));
        Assert.Equal(0UL, await store.Anchoring.GetNextNonceAsync(KeyB));
    }

    [Fact]
    public async Task A_transaction_with_another_nonce_than_the_next_is_not_recorded()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));
        var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);

        var gap = await store.Anchoring.RecordTransactionAsync(batch!.Id, Transaction(KeyA, 1));

        Assert.Equal(new TransactionRecordResult(TransactionRecordOutcome.NonceMismatch, 0), gap);
        Assert.Empty(await store.Anchoring.ListInFlightAsync());
        Assert.Equal(0UL, await store.Anchoring.GetNextNonceAsync(KeyA));
    }

    [Fact]
    public async Task Recording_the_same_transaction_again_changes_nothing()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));
        var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
        var transaction = Transaction(KeyA, 0);
        await store.Anchoring.RecordTransactionAsync(batch!.Id, transaction);

        var again = await store.Anchoring.RecordTransactionAsync(batch.Id, transaction);

        Assert.Equal(new TransactionRecordResult(TransactionRecordOutcome.AlreadyRecorded, 1), again);
        Assert.Single(await store.Anchoring.ListInFlightAsync());
    }

    [Fact]
    public async Task An_action_in_flight_takes_no_second_transaction()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));
        var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
        await store.Anchoring.RecordTransactionAsync(batch!.Id, Transaction(KeyA, 0));

        var second = await store.Anchoring.RecordTransactionAsync(batch.Id, Transaction(KeyA, 1));
        var missing = await store.Anchoring.RecordTransactionAsync(new ChainActionId(999), Transaction(KeyA, 1));

        Assert.Equal(TransactionRecordOutcome.ActionBusy, second.Outcome);
        Assert.Equal(TransactionRecordOutcome.ActionNotFound, missing.Outcome);
        Assert.Equal(1UL, await store.Anchoring.GetNextNonceAsync(KeyA));
    }

    [Fact]
    public async Task Ready_actions_are_those_without_a_live_transaction_oldest_first()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3));
        await store.Notices.AcceptAsync(AuthorityB, Notice(9));
        var first = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
        var second = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
        var other = await store.Anchoring.CreateBatchAsync(AuthorityB, 1);
        var third = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
        await RecordNextAsync(store, second!.Id, KeyA);

        var ready = await store.Anchoring.ListReadyActionsAsync(null, 10);
        var readyForA = await store.Anchoring.ListReadyActionsAsync(AuthorityA, 1);

        Assert.Equal([first!.Id, other!.Id, third!.Id], ready.Select(a => a.Id));
        Assert.Equal([first.Id], readyForA.Select(a => a.Id));
        var described = Assert.IsType<AnchorAction>(ready[0]);
        Assert.Equal((first.Root, first.TreeSize), (described.Root, described.TreeSize));
        Assert.Equal(first.Notices, described.Notices);
    }

    [Fact]
    public async Task In_flight_transactions_come_back_byte_for_byte_in_nonce_order_after_a_restart()
    {
        var recorded = new List<OutgoingTransaction>();
        await using (var store = await OpenAsync())
        {
            await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3));
            await store.Notices.AcceptAsync(AuthorityB, Notice(9));
            foreach (var (authority, key) in new[] { (AuthorityA, KeyA), (AuthorityB, KeyB), (AuthorityA, KeyA), (AuthorityA, KeyA) })
            {
                var batch = await store.Anchoring.CreateBatchAsync(authority, 1);
                recorded.Add(await RecordNextAsync(store, batch!.Id, key));
            }
        }

        await using var reopened = await OpenAsync();
        var inFlight = await reopened.Anchoring.ListInFlightAsync();

        var expected = recorded.OrderBy(t => t.Sender.ToString(), StringComparer.Ordinal).ThenBy(t => t.Nonce).ToArray();
        Assert.Equal(expected.Select(t => (t.Sender, t.Nonce, t.Hash)), inFlight.Select(f => (f.Transaction.Sender, f.Transaction.Nonce, f.Transaction.Hash)));
        Assert.All(inFlight.Zip(expected), pair => Assert.Equal(pair.Second.RawTransaction.ToArray(), pair.First.Transaction.RawTransaction.ToArray()));
        Assert.All(inFlight, f => Assert.Equal((ChainId, Registry), (f.Transaction.ChainId, f.Transaction.To)));
        Assert.All(inFlight, f => Assert.Empty(f.ReplacedHashes));
    }

    [Fact]
    public async Task A_replacement_keeps_the_history_and_any_version_can_be_the_one_mined()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var batch = (await store.Anchoring.CreateBatchAsync(AuthorityA, 1))!;
        var original = await RecordNextAsync(store, batch.Id, KeyA);
        var bumped = Transaction(KeyA, 0, version: 1);

        var replaced = await store.Anchoring.ReplaceTransactionAsync(batch.Id, original.Hash, bumped);
        var again = await store.Anchoring.ReplaceTransactionAsync(batch.Id, original.Hash, bumped);

        Assert.Equal(TransactionReplaceOutcome.Replaced, replaced);
        Assert.Equal(TransactionReplaceOutcome.AlreadyReplaced, again);
        var inFlight = (await store.Anchoring.ListInFlightAsync()).Single();
        Assert.Equal(bumped.Hash, inFlight.Transaction.Hash);
        Assert.Equal(bumped.RawTransaction.ToArray(), inFlight.Transaction.RawTransaction.ToArray());
        Assert.Equal([original.Hash], inFlight.ReplacedHashes);
        Assert.Equal(1UL, await store.Anchoring.GetNextNonceAsync(KeyA));

        var mined = Mined(original, 12, Time.GetUtcNow());
        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkMinedAsync(batch.Id, mined));
        Assert.Empty(await store.Anchoring.ListInFlightAsync());
        var receipt = await store.Notices.GetReceiptAsync(AuthorityA, notice.Id);
        Assert.Equal(original.Hash, receipt!.Anchor.TransactionHash);
    }

    [Fact]
    public async Task A_replacement_must_keep_the_sender_and_nonce_of_the_live_transaction()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 2));
        var batch = (await store.Anchoring.CreateBatchAsync(AuthorityA, 1))!;
        var idle = (await store.Anchoring.CreateBatchAsync(AuthorityA, 1))!;
        var original = await RecordNextAsync(store, batch.Id, KeyA);

        Assert.Equal(
            TransactionReplaceOutcome.SenderOrNonceMismatch,
            await store.Anchoring.ReplaceTransactionAsync(batch.Id, original.Hash, Transaction(KeyA, 5)));
        Assert.Equal(
            TransactionReplaceOutcome.SenderOrNonceMismatch,
            await store.Anchoring.ReplaceTransactionAsync(batch.Id, original.Hash, Transaction(KeyB, 0)));
        Assert.Equal(
            TransactionReplaceOutcome.StaleTransaction,
            await store.Anchoring.ReplaceTransactionAsync(batch.Id, Transaction(KeyA, 0, version: 7).Hash, Transaction(KeyA, 0, version: 8)));
        Assert.Equal(
            TransactionReplaceOutcome.NotInFlight,
            await store.Anchoring.ReplaceTransactionAsync(idle.Id, original.Hash, Transaction(KeyA, 0, version: 9)));
        Assert.Equal(original.Hash, (await store.Anchoring.ListInFlightAsync()).Single().Transaction.Hash);
    }

    [Fact]
    public async Task Marking_a_batch_mined_anchors_its_notices_once()
    {
        await using var store = await OpenAsync();
        var notices = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3))).Notices.Select(n => n.Notice).ToArray();
        var batch = (await store.Anchoring.CreateBatchAsync(AuthorityA, 10))!;
        var transaction = await RecordNextAsync(store, batch.Id, KeyA);
        var mined = Mined(transaction, 42, Time.GetUtcNow());

        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkMinedAsync(batch.Id, mined));
        Assert.Equal(ConfirmationOutcome.AlreadyMarked, await store.Anchoring.MarkMinedAsync(batch.Id, mined));
        Assert.Equal(ConfirmationOutcome.Conflict, await store.Anchoring.MarkMinedAsync(batch.Id, Mined(transaction, 43, Time.GetUtcNow())));
        Assert.Equal(ConfirmationOutcome.UnknownTransaction, await store.Anchoring.MarkMinedAsync(batch.Id, Mined(Transaction(KeyA, 9), 42, Time.GetUtcNow())));
        Assert.Equal(ConfirmationOutcome.ActionNotFound, await store.Anchoring.MarkMinedAsync(new ChainActionId(999), mined));

        foreach (var notice in notices)
        {
            var stored = (await store.Notices.GetAsync(AuthorityA, notice.Id))!;
            Assert.Equal(NoticeStatus.Anchored, stored.Status);
            Assert.Equal(mined.BlockTime, stored.AnchoredAt);
        }

        Assert.Empty(await store.Anchoring.ListInFlightAsync());
        Assert.Empty(await store.Anchoring.ListReadyActionsAsync(null, 10));
        Assert.Equal([new MinedAction(batch.Id, ChainActionKind.Anchor, AuthorityA, mined)], await store.Anchoring.ListMinedAsync(42));
        Assert.Empty(await store.Anchoring.ListMinedAsync(43));
    }

    [Fact]
    public async Task A_reorg_takes_the_batch_back_in_flight_with_the_same_tree_and_bytes()
    {
        await using var store = await OpenAsync();
        var notices = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 5))).Notices.Select(n => n.Notice).ToArray();
        var (batch, transaction, mined) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 20);
        var receiptBefore = await store.Notices.GetReceiptAsync(AuthorityA, notices[2].Id);

        Assert.True(await store.Anchoring.UnmineAsync(batch.Id));
        Assert.False(await store.Anchoring.UnmineAsync(batch.Id));

        Assert.Equal(NoticeStatus.Pending, (await store.Notices.GetAsync(AuthorityA, notices[2].Id))!.Status);
        Assert.Null(await store.Notices.GetReceiptAsync(AuthorityA, notices[2].Id));
        Assert.Empty(await store.Anchoring.ListMinedAsync(0));
        Assert.Empty(await store.Anchoring.ListPendingBacklogsAsync());
        var inFlight = (await store.Anchoring.ListInFlightAsync()).Single();
        Assert.Equal(transaction.RawTransaction.ToArray(), inFlight.Transaction.RawTransaction.ToArray());
        Assert.Equal(1UL, await store.Anchoring.GetNextNonceAsync(KeyA));

        Time.Advance(TimeSpan.FromSeconds(30));
        var remined = Mined(transaction, 21, Time.GetUtcNow(), fork: 1);
        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkMinedAsync(batch.Id, remined));
        var receiptAfter = (await store.Notices.GetReceiptAsync(AuthorityA, notices[2].Id))!;
        Assert.Equal(receiptBefore!.Root, receiptAfter.Root);
        Assert.Equal(receiptBefore.Proof.AuditPath, receiptAfter.Proof.AuditPath);
        Assert.Equal(remined.BlockHash, receiptAfter.Anchor.BlockHash);
        Assert.NotEqual(mined.BlockHash, receiptAfter.Anchor.BlockHash);
    }

    [Fact]
    public async Task A_reverted_transaction_spends_its_nonce_and_leaves_the_action_ready()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));
        var batch = (await store.Anchoring.CreateBatchAsync(AuthorityA, 1))!;
        var failed = await RecordNextAsync(store, batch.Id, KeyA);
        var revert = Mined(failed, 30, Time.GetUtcNow());

        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkRevertedAsync(batch.Id, revert));
        Assert.Equal(ConfirmationOutcome.AlreadyMarked, await store.Anchoring.MarkRevertedAsync(batch.Id, revert));

        Assert.Empty(await store.Anchoring.ListInFlightAsync());
        Assert.Equal([batch.Id], (await store.Anchoring.ListReadyActionsAsync(null, 10)).Select(a => a.Id));
        var retry = await RecordNextAsync(store, batch.Id, KeyA);
        Assert.Equal(1UL, retry.Nonce);
        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkMinedAsync(batch.Id, Mined(retry, 31, Time.GetUtcNow())));
    }

    [Fact]
    public async Task An_abandoned_transaction_leaves_the_action_ready_for_a_new_nonce()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));
        var batch = (await store.Anchoring.CreateBatchAsync(AuthorityA, 1))!;
        var lost = await RecordNextAsync(store, batch.Id, KeyA);
        await store.Anchoring.RaiseNextNonceAsync(KeyA, 5);

        Assert.True(await store.Anchoring.AbandonTransactionAsync(batch.Id, lost.Hash));
        Assert.False(await store.Anchoring.AbandonTransactionAsync(batch.Id, lost.Hash));

        Assert.Empty(await store.Anchoring.ListInFlightAsync());
        var retry = await RecordNextAsync(store, batch.Id, KeyA);
        Assert.Equal(5UL, retry.Nonce);
    }

    [Fact]
    public async Task The_next_nonce_only_rises_and_survives_a_restart()
    {
        await using (var store = await OpenAsync())
        {
            Assert.Equal(0UL, await store.Anchoring.GetNextNonceAsync(KeyA));
            Assert.Equal(7UL, await store.Anchoring.RaiseNextNonceAsync(KeyA, 7));
            Assert.Equal(7UL, await store.Anchoring.RaiseNextNonceAsync(KeyA, 3));
            Assert.Equal(0UL, await store.Anchoring.RaiseNextNonceAsync(KeyB, 0));
            await store.Notices.AcceptAsync(AuthorityA, Notice(1));
            var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 1);
            await RecordNextAsync(store, batch!.Id, KeyA);
        }

        await using var reopened = await OpenAsync();

        Assert.Equal(8UL, await reopened.Anchoring.GetNextNonceAsync(KeyA));
        Assert.Equal(8UL, await reopened.Anchoring.RaiseNextNonceAsync(KeyA, 2));
        Assert.Equal(0UL, await reopened.Anchoring.GetNextNonceAsync(KeyB));
    }

    [Fact]
    public async Task A_revocation_is_ready_once_its_notice_is_anchored_and_carries_a_valid_proof()
    {
        await using var store = await OpenAsync();
        var notices = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3))).Notices.Select(n => n.Notice).ToArray();
        var effectiveAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.Notices.RequestRevocationAsync(AuthorityA, notices[1].Id, RevocationReason.Withdrawal, effectiveAt);
        Assert.Empty(await store.Anchoring.ListReadyActionsAsync(AuthorityA, 10));

        var (batch, _, _) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 5);

        var revoke = Assert.IsType<RevokeAction>(Assert.Single(await store.Anchoring.ListReadyActionsAsync(AuthorityA, 10)));
        Assert.Equal(ChainActionKind.Revoke, revoke.Kind);
        Assert.Equal((RevocationReason.Withdrawal, effectiveAt, notices[1].Id), (revoke.Reason, revoke.EffectiveAt, revoke.Notice.Notice));
        Assert.Equal(batch.Root, revoke.Notice.Root);
        Assert.Equal(1UL, revoke.Notice.Proof.LeafIndex);
        Assert.Equal(InclusionProofResult.Verified, revoke.Notice.Proof.Verify(notices[1].Leaf, batch.Root));
        Assert.Equal(notices[1].Leaf, revoke.Notice.Leaf);
        var sent = await RecordNextAsync(store, revoke.Id, KeyA);
        Assert.Equal(1UL, sent.Nonce);
    }

    [Fact]
    public async Task A_supersession_is_ready_once_both_notices_are_anchored()
    {
        await using var store = await OpenAsync();
        var old = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 5);
        var replacement = (await store.Notices.AcceptAsync(AuthorityA, Notice(2, supersedes: old.Id))).Only.Notice;
        Assert.Empty(await store.Anchoring.ListReadyActionsAsync(AuthorityA, 10));
        Time.Advance(TimeSpan.FromSeconds(12));

        var (second, _, mined) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 6);

        var supersede = Assert.IsType<SupersedeAction>(Assert.Single(await store.Anchoring.ListReadyActionsAsync(null, 10)));
        Assert.Equal((old.Id, replacement.Id), (supersede.OldNotice.Notice, supersede.NewNotice.Notice));
        Assert.Equal(InclusionProofResult.Verified, supersede.OldNotice.Proof.Verify(old.Leaf, supersede.OldNotice.Root));
        Assert.Equal(InclusionProofResult.Verified, supersede.NewNotice.Proof.Verify(replacement.Leaf, second.Root));
        Assert.Equal(mined.BlockTime, supersede.NewNoticeAnchoredAt);
        var reread = Assert.IsType<SupersedeAction>(await store.Anchoring.GetActionAsync(supersede.Id));
        Assert.Equal(supersede.OldNotice.Proof.AuditPath, reread.OldNotice.Proof.AuditPath);
    }
}
