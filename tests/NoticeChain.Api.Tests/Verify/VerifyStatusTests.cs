using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using static NoticeChain.Api.Tests.Verify.VerifyCalls;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>Every answer of <c>GET /api/v1/verify/{digest}</c>: what the store was told, judged by the chain's facts.</summary>
public sealed class VerifyStatusTests(VerifyApiFixture fixture) : IClassFixture<VerifyApiFixture>
{
    private static readonly DateTimeOffset EffectiveAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private Infrastructure.ApiServer Api => fixture.Server;

    private ChainSimulator Chain => fixture.Chain;

    [Fact]
    public async Task A_document_anchored_and_confirmed_on_chain_is_authentic_with_the_chains_facts()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        var head = await Chain.ConfirmAsync(batch);
        var issued = await ReceiptAsync(caller, id);

        var answer = await GetAnswerAsync(Api, $"{Prefix}/{digest.ToString().ToUpperInvariant()}");

        AssertStatus(answer, "authentic", null);
        Assert.Equal(digest.ToString(), answer.GetProperty("digest").GetString());
        Assert.Equal(id, answer.GetProperty("noticeId").GetString());
        var authority = answer.GetProperty("authority");
        Assert.Equal(caller.Authority.ToString(), authority.GetProperty("id").GetString());
        Assert.Equal("Untere Bauaufsicht Herten", authority.GetProperty("name").GetString());
        Assert.Null(authority.GetProperty("retiredAt").GetString());
        Assert.Equal(ChainSimulator.BlockTime(batch.Position.BlockNumber).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            answer.GetProperty("anchoredAt").GetString());
        Assert.Equal(batch.Position.BlockNumber, answer.GetProperty("blockNumber").GetUInt64());
        Assert.Equal(batch.Position.TransactionHash.ToString(), answer.GetProperty("transactionHash").GetString());
        Assert.Equal(ChainSimulator.ChainId, answer.GetProperty("chainId").GetUInt64());
        Assert.Null(answer.GetProperty("registry").GetString());
        Assert.Null(answer.GetProperty("revocation").GetString());
        Assert.Null(answer.GetProperty("supersession").GetString());
        Assert.Equal(issued, answer.GetProperty("receipt").GetRawText());
        Assert.True(answer.GetProperty("checkedAgainstChain").GetBoolean());
        Assert.True(answer.GetProperty("chainHead").GetProperty("blockNumber").GetUInt64() >= head.BlockNumber);
    }

    [Fact]
    public async Task A_digest_nobody_registered_is_unknown_not_registered()
    {
        var answer = await ByDigestAsync(Api, Core.Hashing.Digest.Compute(NewDocument()));

        AssertStatus(answer, "unknown", "not-registered");
        Assert.Null(answer.GetProperty("noticeId").GetString());
        Assert.Null(answer.GetProperty("receipt").GetString());
        Assert.Null(answer.GetProperty("authority").GetString());
    }

    [Fact]
    public async Task A_registered_notice_not_yet_batched_is_pending_awaiting_anchor()
    {
        var (_, id, digest) = await RegisterAsync(Api, NewDocument());

        var answer = await ByDigestAsync(Api, digest);

        AssertStatus(answer, "pending", "awaiting-anchor");
        Assert.Equal(id, answer.GetProperty("noticeId").GetString());
        Assert.Null(answer.GetProperty("receipt").GetString());
        Assert.Null(answer.GetProperty("authority").GetString());
        Assert.Null(answer.GetProperty("blockNumber").GetString());
    }

    [Fact]
    public async Task A_notice_anchored_in_a_block_the_index_has_not_reached_is_pending_awaiting_confirmation()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());

        var answer = await ByDigestAsync(Api, digest);

        AssertStatus(answer, "pending", "awaiting-confirmation");
        Assert.Equal(await ReceiptAsync(caller, id), answer.GetProperty("receipt").GetRawText());
        Assert.Null(answer.GetProperty("authority").GetString());
        Assert.Null(answer.GetProperty("transactionHash").GetString());
    }

    [Fact]
    public async Task A_stored_anchor_the_indexed_chain_passed_without_seeing_is_unknown_root_not_anchored()
    {
        var (caller, _, digest) = await RegisterAsync(Api, NewDocument());
        await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ApplyAsync(new ChainFacts());

        AssertStatus(await ByDigestAsync(Api, digest), "unknown", "root-not-anchored");
    }

    [Fact]
    public async Task A_root_the_chain_shows_anchored_by_another_authority_is_unknown_authority_mismatch()
    {
        var (caller, _, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        var other = new AuthorityId(System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuthorityId.Size));
        await Chain.ApplyAsync(new ChainFacts
        {
            AuthorityEvents = [Chain.AuthorityEvent(AuthorityEventKind.Registered, other, batch.Key, "Jugendamt")],
            Anchors = [ChainSimulator.Anchored(batch, authority: other)],
        });

        var answer = await ByDigestAsync(Api, digest);

        AssertStatus(answer, "unknown", "authority-mismatch");
        Assert.Null(answer.GetProperty("authority").GetString());
        Assert.Null(answer.GetProperty("anchoredAt").GetString());
    }

    [Fact]
    public async Task A_root_anchored_with_another_tree_size_is_unknown_tree_size_mismatch()
    {
        var (caller, _, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ApplyAsync(new ChainFacts
        {
            AuthorityEvents = [Chain.AuthorityEvent(AuthorityEventKind.Registered, batch.Authority, batch.Key, "Bauamt")],
            Anchors = [ChainSimulator.Anchored(batch, treeSize: batch.TreeSize + 1)],
        });

        AssertStatus(await ByDigestAsync(Api, digest), "unknown", "tree-size-mismatch");
    }

    [Fact]
    public async Task An_anchor_by_a_key_the_authority_never_had_is_unknown_key_not_valid()
    {
        var (caller, _, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ApplyAsync(new ChainFacts
        {
            AuthorityEvents = [Chain.AuthorityEvent(AuthorityEventKind.Registered, batch.Authority, ChainSimulator.NewKey(), "Bauamt")],
            Anchors = [ChainSimulator.Anchored(batch)],
        });

        AssertStatus(await ByDigestAsync(Api, digest), "unknown", "key-not-valid");
    }

    [Fact]
    public async Task A_notice_revoked_on_chain_is_revoked_with_reason_and_dates()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ConfirmAsync(batch);
        var leaf = Receipt.Parse(await ReceiptAsync(caller, id)).LeafHash;
        var position = Chain.NewPosition();
        await Chain.ApplyAsync(new ChainFacts
        {
            Revocations = [new RevocationFact(caller.Authority, leaf, batch.Root, RevocationReason.Nullity, EffectiveAt, ChainSimulator.BlockTime(position.BlockNumber), position)],
        });

        var answer = await ByDigestAsync(Api, digest);

        AssertStatus(answer, "revoked", null);
        var revocation = answer.GetProperty("revocation");
        Assert.Equal("nullity", revocation.GetProperty("reason").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", revocation.GetProperty("effectiveAt").GetString());
        Assert.Equal(Format(ChainSimulator.BlockTime(position.BlockNumber)), revocation.GetProperty("revokedAt").GetString());
        Assert.Equal(caller.Authority.ToString(), answer.GetProperty("authority").GetProperty("id").GetString());
        Assert.Null(answer.GetProperty("supersession").GetString());
    }

    [Fact]
    public async Task A_revocation_by_another_authority_of_the_same_leaf_changes_nothing()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ConfirmAsync(batch);
        var leaf = Receipt.Parse(await ReceiptAsync(caller, id)).LeafHash;
        var other = new AuthorityId(System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuthorityId.Size));
        var position = Chain.NewPosition();
        await Chain.ApplyAsync(new ChainFacts
        {
            Revocations = [new RevocationFact(other, leaf, batch.Root, RevocationReason.Other, EffectiveAt, ChainSimulator.BlockTime(position.BlockNumber), position)],
        });

        AssertStatus(await ByDigestAsync(Api, digest), "authentic", null);
    }

    [Fact]
    public async Task A_notice_superseded_on_chain_is_superseded_and_names_the_replacement()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        var key = ChainSimulator.NewKey();
        var batch = await Chain.AnchorPendingAsync(caller.Authority, key);
        await Chain.ConfirmAsync(batch);
        var oldLeaf = Receipt.Parse(await ReceiptAsync(caller, id)).LeafHash;
        var replacement = Core.Hashing.Digest.Compute(NewDocument());
        var newId = (await caller.RegisterAsync(replacement.ToString())).GetProperty("id").GetString()!;
        var newBatch = await Chain.AnchorPendingAsync(caller.Authority, key);
        var newLeaf = Receipt.Parse(await ReceiptAsync(caller, newId)).LeafHash;
        var position = Chain.NewPosition();
        await Chain.ApplyAsync(new ChainFacts
        {
            Anchors = [ChainSimulator.Anchored(newBatch)],
            Supersessions =
            [
                new SupersessionFact(caller.Authority, oldLeaf, newLeaf, batch.Root, newBatch.Root, RevocationReason.Correction, EffectiveAt,
                    ChainSimulator.BlockTime(position.BlockNumber), position),
            ],
        });

        var answer = await ByDigestAsync(Api, digest);

        AssertStatus(answer, "superseded", null);
        var supersession = answer.GetProperty("supersession");
        Assert.Equal("correction", supersession.GetProperty("reason").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", supersession.GetProperty("effectiveAt").GetString());
        Assert.Equal(Format(ChainSimulator.BlockTime(position.BlockNumber)), supersession.GetProperty("supersededAt").GetString());
        Assert.Equal(newLeaf.ToString(), supersession.GetProperty("newLeaf").GetString());
        Assert.Equal(newBatch.Root.ToString(), supersession.GetProperty("newRoot").GetString());
        Assert.Equal(Format(ChainSimulator.BlockTime(newBatch.Position.BlockNumber)), supersession.GetProperty("newAnchoredAt").GetString());
        Assert.Null(answer.GetProperty("revocation").GetString());
        AssertStatus(await ByDigestAsync(Api, replacement), "authentic", null);
    }

    [Fact]
    public async Task A_retired_authoritys_old_notice_stays_authentic_and_says_since_when_it_is_retired()
    {
        var (caller, _, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ConfirmAsync(batch);
        var retired = Chain.AuthorityEvent(AuthorityEventKind.Retired, caller.Authority, batch.Key);
        await Chain.ApplyAsync(new ChainFacts { AuthorityEvents = [retired] });

        var answer = await ByDigestAsync(Api, digest);

        AssertStatus(answer, "authentic", null);
        Assert.Equal(Format(retired.BlockTime), answer.GetProperty("authority").GetProperty("retiredAt").GetString());
    }

    [Fact]
    public async Task The_same_digest_of_two_authorities_answers_with_the_one_the_chain_confirms()
    {
        var document = NewDocument();
        var (first, firstId, digest) = await RegisterAsync(Api, document);
        var (second, secondId, _) = await RegisterAsync(Api, document);
        var batch = await Chain.AnchorPendingAsync(second.Authority, ChainSimulator.NewKey());

        var beforeConfirmation = await ByDigestAsync(Api, digest);
        await Chain.ConfirmAsync(batch, "Jobcenter Herten");
        var afterConfirmation = await ByDigestAsync(Api, digest);

        // Oldest pending first (the first authority's notice waits for its batch), then the confirmed one.
        AssertStatus(beforeConfirmation, "pending", "awaiting-anchor");
        Assert.Equal(firstId, beforeConfirmation.GetProperty("noticeId").GetString());
        AssertStatus(afterConfirmation, "authentic", null);
        Assert.Equal(secondId, afterConfirmation.GetProperty("noticeId").GetString());
        Assert.Equal("Jobcenter Herten", afterConfirmation.GetProperty("authority").GetProperty("name").GetString());
        Assert.NotEqual(first.Authority, second.Authority);
    }

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
