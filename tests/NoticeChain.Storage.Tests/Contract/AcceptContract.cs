using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Accepting notices: durable, idempotent, all-or-nothing, scoped to one authority.</summary>
public abstract class AcceptContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Accept_stores_a_pending_notice_with_a_salted_leaf()
    {
        await using var store = await OpenAsync();

        var result = await store.Notices.AcceptAsync(AuthorityA, Notice(1));

        Assert.Equal(AcceptOutcome.Accepted, result.Outcome);
        var (notice, created) = result.Only;
        Assert.True(created);
        Assert.Equal(NoticeStatus.Pending, notice.Status);
        Assert.Equal(AuthorityA, notice.Authority);
        Assert.Equal(DigestOf(1), notice.Digest);
        Assert.Equal(MerkleLeaf.Hash(notice.Salt, notice.Digest), notice.Leaf);
        Assert.Equal(Time.GetUtcNow(), notice.AcceptedAt);
        Assert.Equal("AZ-000001", notice.Reference.Value);
        Assert.Equal(notice, await store.Notices.GetAsync(AuthorityA, notice.Id));
    }

    [Fact]
    public async Task Every_notice_gets_its_own_salt()
    {
        await using var store = await OpenAsync();

        var result = await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 50));

        Assert.Equal(50, result.Notices.Select(n => n.Notice.Salt).Distinct().Count());
    }

    [Fact]
    public async Task Accept_of_a_digest_the_authority_submitted_before_returns_the_existing_notice()
    {
        await using var store = await OpenAsync();
        var first = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        Time.Advance(TimeSpan.FromMinutes(5));

        var again = await store.Notices.AcceptAsync(AuthorityA, new NewNotice(DigestOf(1), NoticeReference.Parse("other reference")));

        Assert.Equal(AcceptOutcome.Accepted, again.Outcome);
        Assert.False(again.Only.Created);
        Assert.Equal(first, again.Only.Notice);
    }

    [Fact]
    public async Task The_same_digest_from_another_authority_is_a_separate_notice()
    {
        await using var store = await OpenAsync();
        var mine = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;

        var theirs = await store.Notices.AcceptAsync(AuthorityB, Notice(1));

        Assert.True(theirs.Only.Created);
        Assert.NotEqual(mine.Id, theirs.Only.Notice.Id);
        Assert.NotEqual(mine.Salt, theirs.Only.Notice.Salt);
    }

    [Fact]
    public async Task Concurrent_submissions_of_one_digest_create_one_notice()
    {
        await using var store = await OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.Notices.AcceptAsync(AuthorityA, Notice(1)))));

        Assert.Single(results, r => r.Only.Created);
        Assert.Single(results.Select(r => r.Only.Notice.Id).Distinct());
    }

    [Fact]
    public async Task Another_authoritys_notice_is_not_found()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 10);

        Assert.Null(await store.Notices.GetAsync(AuthorityB, notice.Id));
        Assert.Null(await store.Notices.GetReceiptAsync(AuthorityB, notice.Id));
        var revocation = await store.Notices.RequestRevocationAsync(AuthorityB, notice.Id, RevocationReason.Revocation, Time.GetUtcNow());
        Assert.Equal(RevocationRequestOutcome.NotFound, revocation.Outcome);
        var superseding = await store.Notices.AcceptAsync(AuthorityB, Notice(2, supersedes: notice.Id));
        Assert.Equal(AcceptOutcome.SupersededNoticeNotFound, superseding.Outcome);
        Assert.NotNull(await store.Notices.GetAsync(AuthorityA, notice.Id));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        await using var store = await OpenAsync();

        Assert.Null(await store.Notices.GetAsync(AuthorityA, NoticeId.New(Time)));
    }

    [Fact]
    public async Task AcceptMany_stores_every_notice_in_submission_order()
    {
        await using var store = await OpenAsync();

        var result = await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 20));

        Assert.Equal(AcceptOutcome.Accepted, result.Outcome);
        Assert.Equal(Enumerable.Range(1, 20).Select(DigestOf), result.Notices.Select(n => n.Notice.Digest));
        Assert.All(result.Notices, n => Assert.True(n.Created));
        var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 100);
        Assert.Equal(result.Notices.Select(n => n.Notice.Id), batch!.Notices);
    }

    [Fact]
    public async Task AcceptMany_with_one_invalid_notice_stores_nothing()
    {
        await using var store = await OpenAsync();
        var submission = Notices(1, 5);
        submission[3] = Notice(4, supersedes: NoticeId.New(Time));

        var result = await store.Notices.AcceptManyAsync(AuthorityA, submission);

        Assert.Equal(AcceptOutcome.SupersededNoticeNotFound, result.Outcome);
        Assert.Equal(3, result.FailedIndex);
        Assert.Empty(result.Notices);
        Assert.Empty(await store.Anchoring.ListPendingBacklogsAsync());
        Assert.True((await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Created);
    }

    [Fact]
    public async Task AcceptMany_maps_a_repeated_digest_to_one_notice()
    {
        await using var store = await OpenAsync();

        var result = await store.Notices.AcceptManyAsync(AuthorityA, [Notice(1), Notice(2), Notice(1)]);

        Assert.Equal([true, true, false], result.Notices.Select(n => n.Created));
        Assert.Equal(result.Notices[0].Notice, result.Notices[2].Notice);
        Assert.Equal(2, (await store.Anchoring.ListPendingBacklogsAsync()).Single().Count);
    }

    [Fact]
    public async Task AcceptMany_takes_ten_thousand_notices_in_one_transaction()
    {
        await using var store = await OpenAsync();

        var result = await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, INoticeStore.MaxNoticesPerSubmission));

        Assert.Equal(INoticeStore.MaxNoticesPerSubmission, result.Notices.Count);
        Assert.Equal(INoticeStore.MaxNoticesPerSubmission, (await store.Anchoring.ListPendingBacklogsAsync()).Single().Count);
    }

    [Fact]
    public async Task AcceptMany_rejects_an_empty_or_oversized_submission()
    {
        await using var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Notices.AcceptManyAsync(AuthorityA, []));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.Notices.AcceptManyAsync(AuthorityA, Notices(1, INoticeStore.MaxNoticesPerSubmission + 1)));
        Assert.Empty(await store.Anchoring.ListPendingBacklogsAsync());
    }

    [Fact]
    public async Task A_repeated_idempotency_key_with_the_same_body_replays_the_first_answer()
    {
        await using var store = await OpenAsync();
        var key = Key("5a7d0c1e", "body 1");
        var first = await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3), key);

        var again = await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3), key);

        Assert.Equal(AcceptOutcome.Replayed, again.Outcome);
        Assert.Equal(first.Notices.Select(n => n.Notice), again.Notices.Select(n => n.Notice));
        Assert.All(again.Notices, n => Assert.False(n.Created));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_with_another_body_is_refused_and_stores_nothing()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1), Key("5a7d0c1e", "body 1"));

        var reused = await store.Notices.AcceptAsync(AuthorityA, Notice(2), Key("5a7d0c1e", "body 2"));

        Assert.Equal(AcceptOutcome.IdempotencyKeyReused, reused.Outcome);
        Assert.False(reused.Succeeded);
        Assert.Equal(1, (await store.Anchoring.ListPendingBacklogsAsync()).Single().Count);
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_authority()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1), Key("shared-key", "body 1"));

        var other = await store.Notices.AcceptAsync(AuthorityB, Notice(2), Key("shared-key", "body 2"));

        Assert.Equal(AcceptOutcome.Accepted, other.Outcome);
        Assert.True(other.Only.Created);
    }

    [Fact]
    public async Task Supersedes_links_the_new_notice_to_the_authoritys_old_one()
    {
        await using var store = await OpenAsync();
        var old = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;

        var replacement = (await store.Notices.AcceptAsync(AuthorityA, Notice(2, supersedes: old.Id))).Only.Notice;

        Assert.Equal(old.Id, replacement.Supersedes);
        Assert.Equal(old.Id, (await store.Notices.GetAsync(AuthorityA, replacement.Id))!.Supersedes);
        Assert.Equal(NoticeStatus.Pending, (await store.Notices.GetAsync(AuthorityA, old.Id))!.Status);
    }

    [Fact]
    public async Task A_notice_already_being_superseded_cannot_be_superseded_again()
    {
        await using var store = await OpenAsync();
        var old = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        await store.Notices.AcceptAsync(AuthorityA, Notice(2, supersedes: old.Id));

        var second = await store.Notices.AcceptManyAsync(AuthorityA, [Notice(3), Notice(4, supersedes: old.Id)]);

        Assert.Equal(AcceptOutcome.SupersededNoticeNotInForce, second.Outcome);
        Assert.Equal(1, second.FailedIndex);
        Assert.Equal(2, (await store.Anchoring.ListPendingBacklogsAsync()).Single().Count);
    }

    [Fact]
    public async Task A_notice_with_a_revocation_request_cannot_be_superseded()
    {
        await using var store = await OpenAsync();
        var old = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        await store.Notices.RequestRevocationAsync(AuthorityA, old.Id, RevocationReason.Withdrawal, Time.GetUtcNow());

        var result = await store.Notices.AcceptAsync(AuthorityA, Notice(2, supersedes: old.Id));

        Assert.Equal(AcceptOutcome.SupersededNoticeNotInForce, result.Outcome);
    }

    [Fact]
    public async Task A_revocation_request_is_recorded_once_in_whole_seconds()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var effectiveAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, 250, TimeSpan.FromHours(1));
        var expected = new RevocationRequest(RevocationReason.Revocation, new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), Time.GetUtcNow());

        var first = await store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, RevocationReason.Revocation, effectiveAt);
        var again = await store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, RevocationReason.Revocation, effectiveAt);

        Assert.Equal(new RevocationRequestResult(RevocationRequestOutcome.Recorded, expected), first);
        Assert.Equal(new RevocationRequestResult(RevocationRequestOutcome.AlreadyRecorded, expected), again);
        Assert.Equal(expected, (await store.Notices.GetAsync(AuthorityA, notice.Id))!.RevocationRequest);
    }

    [Fact]
    public async Task A_different_revocation_request_for_the_same_notice_conflicts()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var effectiveAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, RevocationReason.Revocation, effectiveAt);

        var other = await store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, RevocationReason.Nullity, effectiveAt);

        Assert.Equal(RevocationRequestOutcome.ConflictingRequest, other.Outcome);
        Assert.Equal(RevocationReason.Revocation, other.Request!.Reason);
    }

    [Fact]
    public async Task A_revocation_request_the_registry_would_reject_is_refused_up_front()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, RevocationReason.Other, DateTimeOffset.UnixEpoch));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, (RevocationReason)5, Time.GetUtcNow()));
        Assert.Null((await store.Notices.GetAsync(AuthorityA, notice.Id))!.RevocationRequest);
    }
}
