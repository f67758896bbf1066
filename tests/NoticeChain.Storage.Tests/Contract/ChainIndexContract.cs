using System.Security.Cryptography;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>The chain follower's cursor and facts: atomic with each other, idempotent, rewound on a reorg, and the
/// source of revoked and superseded statuses.</summary>
public abstract class ChainIndexContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly DateTimeOffset BlockTime = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task There_is_no_cursor_before_the_first_range_is_applied()
    {
        await using var store = await OpenAsync();

        Assert.Null(await store.Chain.GetCursorAsync());
    }

    [Fact]
    public async Task Applied_facts_and_the_cursor_survive_a_restart()
    {
        var anchor = Anchor(Hash(1), block: 8);
        await using (var store = await OpenAsync())
        {
            await store.Chain.ApplyAsync(new ChainFacts { Anchors = [anchor] }, Cursor(10));
        }

        await using var reopened = await OpenAsync();

        Assert.Equal(Cursor(10), await reopened.Chain.GetCursorAsync());
        Assert.Equal(anchor, await reopened.Chain.GetAnchorAsync(anchor.Root));
        Assert.Null(await reopened.Chain.GetAnchorAsync(Hash(2)));
    }

    [Fact]
    public async Task Applying_the_same_range_twice_changes_nothing()
    {
        await using var store = await OpenAsync();
        var facts = new ChainFacts
        {
            Anchors = [Anchor(Hash(1), block: 3)],
            Revocations = [Revocation(Hash(11), Hash(1), block: 4)],
            Supersessions = [Supersession(Hash(12), Hash(13), block: 4)],
            AuthorityEvents = [Registered(block: 1)],
        };

        await store.Chain.ApplyAsync(facts, Cursor(5));
        await store.Chain.ApplyAsync(facts, Cursor(5));

        Assert.Equal(facts.Anchors[0], await store.Chain.GetAnchorAsync(Hash(1)));
        Assert.Equal(facts.Revocations[0], await store.Chain.GetRevocationAsync(AuthorityA, Hash(11)));
        Assert.Equal(facts.Supersessions[0], await store.Chain.GetSupersessionAsync(AuthorityA, Hash(12)));
        Assert.Equal([KeyA], (await store.Chain.GetAuthorityAsync(AuthorityA))!.Keys);
    }

    [Fact]
    public async Task The_cursor_never_moves_backwards_or_sideways_without_a_rewind()
    {
        await using var store = await OpenAsync();
        await store.Chain.ApplyAsync(new ChainFacts(), Cursor(10));

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.Chain.ApplyAsync(new ChainFacts { Anchors = [Anchor(Hash(1), block: 9)] }, Cursor(9)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Chain.ApplyAsync(new ChainFacts(), Cursor(10, fork: 1)));

        Assert.Equal(Cursor(10), await store.Chain.GetCursorAsync());
        Assert.Null(await store.Chain.GetAnchorAsync(Hash(1)));
    }

    [Fact]
    public async Task A_rewind_drops_the_facts_of_abandoned_blocks()
    {
        await using var store = await OpenAsync();
        await store.Chain.ApplyAsync(
            new ChainFacts
            {
                Anchors = [Anchor(Hash(1), block: 5), Anchor(Hash(2), block: 7)],
                Revocations = [Revocation(Hash(11), Hash(1), block: 8)],
                Supersessions = [Supersession(Hash(12), Hash(13), block: 6)],
                AuthorityEvents = [Registered(block: 1), Retired(block: 7)],
            },
            Cursor(8));

        await store.Chain.RewindAsync(Cursor(6, fork: 0));

        Assert.Equal(Cursor(6), await store.Chain.GetCursorAsync());
        Assert.NotNull(await store.Chain.GetAnchorAsync(Hash(1)));
        Assert.Null(await store.Chain.GetAnchorAsync(Hash(2)));
        Assert.Null(await store.Chain.GetRevocationAsync(AuthorityA, Hash(11)));
        Assert.NotNull(await store.Chain.GetSupersessionAsync(AuthorityA, Hash(12)));
        Assert.Null((await store.Chain.GetAuthorityAsync(AuthorityA))!.RetiredAt);
        await store.Chain.ApplyAsync(new ChainFacts { Anchors = [Anchor(Hash(3), block: 7, fork: 1)] }, Cursor(7, fork: 1));
        Assert.NotNull(await store.Chain.GetAnchorAsync(Hash(3)));
    }

    [Fact]
    public async Task A_revocation_on_chain_makes_the_notice_revoked()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var (batch, _, _) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 3);
        var revocation = Revocation(notice.Leaf, batch.Root, block: 4);

        await store.Chain.ApplyAsync(new ChainFacts { Revocations = [revocation] }, Cursor(4));

        var stored = (await store.Notices.GetAsync(AuthorityA, notice.Id))!;
        Assert.Equal(NoticeStatus.Revoked, stored.Status);
        Assert.Equal(revocation, stored.Revocation);
        Assert.NotNull(await store.Notices.GetReceiptAsync(AuthorityA, notice.Id));
        var request = await store.Notices.RequestRevocationAsync(AuthorityA, notice.Id, RevocationReason.Other, BlockTime);
        Assert.Equal(RevocationRequestOutcome.NotInForce, request.Outcome);
    }

    [Fact]
    public async Task A_revocation_by_another_authority_does_not_touch_the_notice()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 3);

        await store.Chain.ApplyAsync(new ChainFacts { Revocations = [Revocation(notice.Leaf, Hash(9), block: 4) with { Authority = AuthorityB }] }, Cursor(4));

        Assert.Equal(NoticeStatus.Anchored, (await store.Notices.GetAsync(AuthorityA, notice.Id))!.Status);
    }

    [Fact]
    public async Task A_supersession_on_chain_makes_the_old_notice_superseded_by_the_new()
    {
        await using var store = await OpenAsync();
        var old = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;
        var replacement = (await store.Notices.AcceptAsync(AuthorityA, Notice(2, supersedes: old.Id))).Only.Notice;
        var (batch, _, _) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 3);
        var supersession = Supersession(old.Leaf, replacement.Leaf, block: 4) with { OldRoot = batch.Root, NewRoot = batch.Root };

        await store.Chain.ApplyAsync(new ChainFacts { Supersessions = [supersession] }, Cursor(4));

        var stored = (await store.Notices.GetAsync(AuthorityA, old.Id))!;
        Assert.Equal(NoticeStatus.Superseded, stored.Status);
        Assert.Equal(replacement.Id, stored.SupersededBy);
        Assert.Equal(supersession, stored.Supersession);
        Assert.Equal(NoticeStatus.Anchored, (await store.Notices.GetAsync(AuthorityA, replacement.Id))!.Status);
        var again = await store.Notices.AcceptAsync(AuthorityA, Notice(3, supersedes: old.Id));
        Assert.Equal(AcceptOutcome.SupersededNoticeNotInForce, again.Outcome);
    }

    [Fact]
    public async Task Governance_events_fold_into_the_authority_in_chain_order()
    {
        await using var store = await OpenAsync();
        var rotated = new AuthorityEvent(AuthorityEventKind.KeyRotated, AuthorityA, KeyB, null, BlockTime.AddHours(1), Position(2, 0));

        await store.Chain.ApplyAsync(new ChainFacts { AuthorityEvents = [Retired(block: 3), rotated, Registered(block: 1)] }, Cursor(3));

        var authority = await store.Chain.GetAuthorityAsync(AuthorityA);
        Assert.NotNull(authority);
        Assert.Equal("Bauaufsichtsamt Musterstadt", authority.Name);
        Assert.Equal(KeyB, authority.CurrentKey);
        Assert.Equal([KeyA, KeyB], authority.Keys);
        Assert.Equal(BlockTime, authority.RegisteredAt);
        Assert.Equal(BlockTime.AddHours(2), authority.RetiredAt);
        Assert.Null(await store.Chain.GetAuthorityAsync(AuthorityB));
    }

    private static MerkleHash Hash(int n) => new(SHA256.HashData(BitConverter.GetBytes(n)));

    private static ChainCursor Cursor(ulong block, int fork = 0) => new(block, BlockHash(block, fork));

    private static ChainEventPosition Position(ulong block, uint logIndex, int fork = 0) =>
        new(block, BlockHash(block, fork), new ChainHash(SHA256.HashData(BlockHash(block, fork).ToArray())), logIndex);

    private static AnchorFact Anchor(MerkleHash root, ulong block, int fork = 0) =>
        new(root, AuthorityA, KeyA, 12, BlockTime, Position(block, 0, fork));

    private static RevocationFact Revocation(MerkleHash leaf, MerkleHash root, ulong block) =>
        new(AuthorityA, leaf, root, RevocationReason.Nullity, BlockTime.AddDays(-3), BlockTime, Position(block, 1));

    private static SupersessionFact Supersession(MerkleHash oldLeaf, MerkleHash newLeaf, ulong block) =>
        new(AuthorityA, oldLeaf, newLeaf, Hash(100), Hash(101), RevocationReason.Correction, BlockTime, BlockTime, Position(block, 2));

    private static AuthorityEvent Registered(ulong block) =>
        new(AuthorityEventKind.Registered, AuthorityA, KeyA, "Bauaufsichtsamt Musterstadt", BlockTime, Position(block, 0));

    private static AuthorityEvent Retired(ulong block) =>
        new(AuthorityEventKind.Retired, AuthorityA, KeyB, null, BlockTime.AddHours(2), Position(block, 0));
}
