using NoticeChain.Storage.Tests.Contract;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Postgres;

/// <summary>The verify API's look-ups on PostgreSQL beyond <see cref="LookupContract{TFactory}"/>: a reorg takes the
/// receipt away again. (Contract material: it can move into <see cref="LookupContract{TFactory}"/>.)</summary>
public sealed class PostgresLookupReorgTests : StoreContract<PostgresStoreFactory>
{
    [Fact]
    public async Task A_reorg_takes_the_receipt_away_again()
    {
        await using var store = await OpenAsync();
        var lookup = store.Lookup;
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(5))).Only.Notice;
        var (batch, _, _) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 4);
        Assert.NotNull((await lookup.FindByIdAsync(notice.Id))!.Receipt);

        await store.Anchoring.UnmineAsync(batch.Id);

        Assert.Null((await lookup.FindByIdAsync(notice.Id))!.Receipt);
        Assert.Null(Assert.Single(await lookup.FindByDigestAsync(DigestOf(5))).Receipt);
    }
}
