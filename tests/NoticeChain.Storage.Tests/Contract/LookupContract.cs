using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>The verify API's port: notices found by digest across authorities and by id, with the receipts the
/// issuing API would hand out for them.</summary>
public abstract class LookupContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task An_unknown_digest_or_id_finds_nothing()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptAsync(AuthorityA, Notice(1));

        Assert.Empty(await store.Lookup.FindByDigestAsync(DigestOf(2)));
        Assert.Null(await store.Lookup.FindByIdAsync(NoticeId.New(Time)));
    }

    [Fact]
    public async Task A_pending_notice_is_found_by_digest_and_id_without_a_receipt()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;

        var byDigest = Assert.Single(await store.Lookup.FindByDigestAsync(DigestOf(1)));
        var byId = await store.Lookup.FindByIdAsync(notice.Id);

        Assert.Equal(new RegisteredNotice(notice.Id, AuthorityA, DigestOf(1), notice.AcceptedAt, null), byDigest);
        Assert.Equal(byDigest, byId);
    }

    [Fact]
    public async Task An_anchored_notice_comes_with_the_receipt_the_issuing_side_hands_out()
    {
        await using var store = await OpenAsync();
        var notices = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 5))).Notices.Select(n => n.Notice).ToArray();
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 12);

        for (var i = 0; i < notices.Length; i++)
        {
            var expected = (await store.Notices.GetReceiptAsync(AuthorityA, notices[i].Id))!;
            var byDigest = Assert.Single(await store.Lookup.FindByDigestAsync(DigestOf(i + 1)));
            var byId = (await store.Lookup.FindByIdAsync(notices[i].Id))!;

            Assert.Equal(notices[i].Id, byDigest.Id);
            Assert.Equal(expected.ToJson(), byDigest.Receipt?.ToJson());
            Assert.Equal(expected.ToJson(), byId.Receipt?.ToJson());
            Assert.Equal(ReceiptVerificationResult.Verified, byDigest.Receipt!.Verify(DigestOf(i + 1)));
        }
    }

    [Fact]
    public async Task A_closed_batch_whose_transaction_is_not_mined_has_no_receipt_yet()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var batch = await store.Anchoring.CreateBatchAsync(AuthorityA, 4096) ?? throw new InvalidOperationException("Nothing pending.");
        await RecordNextAsync(store, batch.Id, KeyA);

        Assert.Null(Assert.Single(await store.Lookup.FindByDigestAsync(DigestOf(1))).Receipt);
        Assert.Null((await store.Lookup.FindByIdAsync(notice.Id))!.Receipt);
    }

    [Fact]
    public async Task The_same_digest_of_two_authorities_is_found_twice_oldest_first_each_with_its_own_receipt()
    {
        await using var store = await OpenAsync();
        var b = (await store.Notices.AcceptAsync(AuthorityB, Notice(1))).Only.Notice;
        Time.Advance(TimeSpan.FromSeconds(1));
        var a = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 3);

        var found = await store.Lookup.FindByDigestAsync(DigestOf(1));

        Assert.Equal([b.Id, a.Id], found.Select(n => n.Id));
        Assert.Equal([AuthorityB, AuthorityA], found.Select(n => n.Authority));
        Assert.Null(found[0].Receipt);
        Assert.Equal(AuthorityA, found[1].Receipt!.Anchor.Authority);
        Assert.Equal(a.Salt, found[1].Receipt!.Salt);
    }

    [Fact]
    public async Task At_most_the_oldest_matches_are_returned()
    {
        await using var store = await OpenAsync();
        var ids = new List<NoticeId>();
        for (var n = 1; n <= INoticeLookup.MaxMatchesPerDigest + 2; n++)
        {
            ids.Add((await store.Notices.AcceptAsync(Authority(checked((byte)n)), Notice(7))).Only.Notice.Id);
            Time.Advance(TimeSpan.FromMilliseconds(5));
        }

        var found = await store.Lookup.FindByDigestAsync(DigestOf(7));

        Assert.Equal(ids.Take(INoticeLookup.MaxMatchesPerDigest), found.Select(n => n.Id));
    }

    [Fact]
    public async Task Lookups_of_two_batches_read_alternately_build_both_receipts()
    {
        await using var store = await OpenAsync();
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 3));
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 1);
        await store.Notices.AcceptManyAsync(AuthorityA, Notices(4, 3));
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 2);

        for (var i = 1; i <= 3; i++)
        {
            var first = Assert.Single(await store.Lookup.FindByDigestAsync(DigestOf(i))).Receipt!;
            var second = Assert.Single(await store.Lookup.FindByDigestAsync(DigestOf(i + 3))).Receipt!;
            Assert.Equal(ReceiptVerificationResult.Verified, first.Verify(DigestOf(i)));
            Assert.Equal(ReceiptVerificationResult.Verified, second.Verify(DigestOf(i + 3)));
            Assert.NotEqual(first.Root, second.Root);
        }
    }
}
