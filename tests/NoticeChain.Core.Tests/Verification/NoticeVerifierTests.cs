using System.Text.Json.Nodes;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Tests.Receipts;
using NoticeChain.Core.Verification;

namespace NoticeChain.Core.Tests.Verification;

/// <summary>The shared verification rules on the receipt example of docs/receipt-format.md (leaf 2 of 5, block 42),
/// with chain evidence built by hand: every status and every finding, and what decides between them.</summary>
public sealed class NoticeVerifierTests
{
    private static readonly Receipt Example = Receipt.Parse(ReceiptExample.Json);
    private static readonly AuthorityId OtherAuthority = AuthorityId.Parse("0x" + new string('a', 64));
    private static readonly ChainAddress OtherKey = ChainAddress.Parse("0x" + new string('b', 40));
    private static readonly DateTimeOffset Later = Example.Anchor.AnchoredAt.AddDays(3);

    [Fact]
    public void A_receipt_the_chain_confirms_is_authentic_with_the_chains_anchor_and_authority()
    {
        var evidence = Evidence();

        var result = NoticeVerifier.Evaluate(Example, evidence, ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Authentic, VerificationFinding.None), (result.Status, result.Finding));
        Assert.Same(evidence.Anchor, result.Anchor);
        Assert.Same(evidence.Authority, result.Authority);
        Assert.True(result.ReceiptLocatorMatches);
    }

    [Fact]
    public void Without_the_document_the_receipts_own_digest_is_checked()
    {
        Assert.Equal(VerificationStatus.Authentic, NoticeVerifier.Evaluate(Example, Evidence()).Status);
    }

    [Fact]
    public void Another_document_is_unknown_for_a_digest_mismatch_even_when_the_chain_confirms_the_receipt()
    {
        var result = NoticeVerifier.Evaluate(Example, Evidence(), Digest.Compute("Bescheid AZ-2026-000124\n"u8));

        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.DigestMismatch), (result.Status, result.Finding));
        Assert.Null(result.Anchor);
        Assert.Null(result.Authority);
    }

    [Theory]
    [InlineData("auditPath", 0)]
    [InlineData("auditPath", 2)]
    [InlineData("salt", -1)]
    [InlineData("leafIndex", -1)]
    public void A_tampered_proof_is_unknown_for_a_proof_mismatch(string field, int pathIndex)
    {
        var json = JsonNode.Parse(ReceiptExample.Json)!.AsObject();
        switch (field)
        {
            case "auditPath":
                var path = json["auditPath"]!.AsArray();
                path[pathIndex] = Flip(path[pathIndex]!.GetValue<string>());
                break;
            case "salt":
                json["salt"] = Flip(json["salt"]!.GetValue<string>());
                break;
            default:
                json["leafIndex"] = 3;
                break;
        }

        var tampered = Receipt.Parse(json.ToJsonString());
        var result = NoticeVerifier.Evaluate(tampered, EvidenceFor(tampered), ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.ProofMismatch), (result.Status, result.Finding));
    }

    [Fact]
    public void A_root_the_registry_never_anchored_is_unknown_once_the_chain_has_reached_the_receipts_block()
    {
        foreach (var head in new ulong[] { 42, 43, 1000 })
        {
            var result = NoticeVerifier.Evaluate(Example, Evidence(anchor: null, head: head), ReceiptExample.DocumentDigest);

            Assert.Equal((VerificationStatus.Unknown, VerificationFinding.RootNotAnchored), (result.Status, result.Finding));
        }
    }

    [Fact]
    public void A_root_not_yet_seen_by_a_chain_behind_the_receipts_block_is_pending()
    {
        foreach (var head in new ulong[] { 0, 1, 41 })
        {
            var result = NoticeVerifier.Evaluate(Example, Evidence(anchor: null, head: head), ReceiptExample.DocumentDigest);

            Assert.Equal((VerificationStatus.Pending, VerificationFinding.AwaitingConfirmation), (result.Status, result.Finding));
            Assert.Null(result.Anchor);
        }
    }

    [Fact]
    public void A_root_anchored_by_another_authority_is_unknown_for_an_authority_mismatch()
    {
        var result = NoticeVerifier.Evaluate(
            Example, Evidence(anchor: Anchor(authority: OtherAuthority), authority: Authority(OtherAuthority)), ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.AuthorityMismatch), (result.Status, result.Finding));
        Assert.Null(result.Authority);
    }

    [Theory]
    [InlineData(4UL)]
    [InlineData(6UL)]
    [InlineData(8UL)]
    public void A_root_anchored_with_another_tree_size_is_unknown_for_a_tree_size_mismatch(ulong anchoredSize)
    {
        // Leaf 2 of 5 has the same path in trees of 5 to 8 leaves: only the anchored size decides (docs/receipt-format.md).
        var result = NoticeVerifier.Evaluate(Example, Evidence(anchor: Anchor(size: anchoredSize)), ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.TreeSizeMismatch), (result.Status, result.Finding));
    }

    [Fact]
    public void A_key_the_caller_found_invalid_at_anchoring_time_is_unknown_for_key_not_valid()
    {
        var result = NoticeVerifier.Evaluate(Example, Evidence(keyValid: false), ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.KeyNotValid), (result.Status, result.Finding));
    }

    [Fact]
    public void Without_a_time_check_the_key_must_at_least_be_one_of_the_authoritys_keys()
    {
        var rotatedOut = NoticeVerifier.Evaluate(
            Example, Evidence(keyValid: null, authority: Authority(keys: [Example.Anchor.AnchoringKey, OtherKey])), ReceiptExample.DocumentDigest);
        var foreign = NoticeVerifier.Evaluate(
            Example, Evidence(keyValid: null, authority: Authority(keys: [OtherKey])), ReceiptExample.DocumentDigest);

        Assert.Equal(VerificationStatus.Authentic, rotatedOut.Status);
        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.KeyNotValid), (foreign.Status, foreign.Finding));
    }

    [Fact]
    public void An_anchor_without_the_authoritys_record_is_unknown_for_key_not_valid()
    {
        var missing = NoticeVerifier.Evaluate(Example, Evidence(authority: null), ReceiptExample.DocumentDigest);
        var another = NoticeVerifier.Evaluate(Example, Evidence(authority: Authority(OtherAuthority)), ReceiptExample.DocumentDigest);

        Assert.Equal(VerificationFinding.KeyNotValid, missing.Finding);
        Assert.Equal(VerificationFinding.KeyNotValid, another.Finding);
    }

    [Fact]
    public void A_notice_its_authority_revoked_is_revoked_and_keeps_its_anchor()
    {
        var evidence = Evidence(revocation: Revocation(Example.Anchor.Authority, Example.LeafHash));

        var result = NoticeVerifier.Evaluate(Example, evidence, ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Revoked, VerificationFinding.None), (result.Status, result.Finding));
        Assert.Same(evidence.Anchor, result.Anchor);
    }

    [Fact]
    public void A_revocation_by_another_authority_or_of_another_leaf_does_not_count()
    {
        var byOther = NoticeVerifier.Evaluate(Example, Evidence(revocation: Revocation(OtherAuthority, Example.LeafHash)), ReceiptExample.DocumentDigest);
        var ofOther = NoticeVerifier.Evaluate(
            Example, Evidence(revocation: Revocation(Example.Anchor.Authority, Example.Root)), ReceiptExample.DocumentDigest);

        Assert.Equal(VerificationStatus.Authentic, byOther.Status);
        Assert.Equal(VerificationStatus.Authentic, ofOther.Status);
    }

    [Fact]
    public void A_notice_its_authority_replaced_is_superseded()
    {
        var result = NoticeVerifier.Evaluate(
            Example, Evidence(supersession: Supersession(Example.Anchor.Authority, Example.LeafHash)), ReceiptExample.DocumentDigest);
        var byOther = NoticeVerifier.Evaluate(
            Example, Evidence(supersession: Supersession(OtherAuthority, Example.LeafHash)), ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Superseded, VerificationFinding.None), (result.Status, result.Finding));
        Assert.Equal(VerificationStatus.Authentic, byOther.Status);
    }

    [Fact]
    public void A_chain_fact_never_rescues_a_failed_earlier_rule()
    {
        var revokedButWrongSize = Evidence(
            anchor: Anchor(size: 6), revocation: Revocation(Example.Anchor.Authority, Example.LeafHash));

        var result = NoticeVerifier.Evaluate(Example, revokedButWrongSize, ReceiptExample.DocumentDigest);

        Assert.Equal((VerificationStatus.Unknown, VerificationFinding.TreeSizeMismatch), (result.Status, result.Finding));
    }

    [Fact]
    public void An_anchor_re_mined_in_another_block_is_authentic_with_a_stale_locator()
    {
        var moved = Anchor() with { Position = new ChainEventPosition(44, Hash('4'), Hash('5'), 0) };

        var result = NoticeVerifier.Evaluate(Example, Evidence(anchor: moved), ReceiptExample.DocumentDigest);

        Assert.Equal(VerificationStatus.Authentic, result.Status);
        Assert.False(result.ReceiptLocatorMatches);
        Assert.Equal(44UL, result.Anchor!.Position.BlockNumber);
    }

    private static ChainEvidence EvidenceFor(Receipt receipt) => Evidence(anchor: Anchor(receipt));

    private static ChainEvidence Evidence(
        Optional<AnchorFact?> anchor = default,
        Optional<AuthorityRecord?> authority = default,
        Optional<bool?> keyValid = default,
        RevocationFact? revocation = null,
        SupersessionFact? supersession = null,
        ulong head = 57) =>
        new(
            new ChainCursor(head, Hash('9')),
            anchor.Or(Anchor()),
            authority.Or(Authority()),
            keyValid.Or(true),
            revocation,
            supersession,
            null);

    private static AnchorFact Anchor(Receipt? receipt = null, AuthorityId? authority = null, ulong size = 5)
    {
        receipt ??= Example;
        return new AnchorFact(
            receipt.Root,
            authority ?? receipt.Anchor.Authority,
            receipt.Anchor.AnchoringKey,
            size,
            receipt.Anchor.AnchoredAt,
            new ChainEventPosition(receipt.Anchor.BlockNumber, receipt.Anchor.BlockHash, receipt.Anchor.TransactionHash, 3));
    }

    private static AuthorityRecord Authority(AuthorityId? id = null, IReadOnlyList<ChainAddress>? keys = null)
    {
        keys ??= [Example.Anchor.AnchoringKey];
        return new AuthorityRecord(
            id ?? Example.Anchor.Authority, "Untere Bauaufsicht Herten", keys[^1], keys, Example.Anchor.AnchoredAt.AddYears(-1), null);
    }

    private static RevocationFact Revocation(AuthorityId authority, MerkleHash leaf) =>
        new(authority, leaf, Example.Root, RevocationReason.Withdrawal, Later, Later, new ChainEventPosition(50, Hash('6'), Hash('7'), 0));

    private static SupersessionFact Supersession(AuthorityId authority, MerkleHash oldLeaf) =>
        new(authority, oldLeaf, MerkleHash.Parse(new string('c', 64)), Example.Root, MerkleHash.Parse(new string('d', 64)),
            RevocationReason.Correction, Later, Later, new ChainEventPosition(51, Hash('6'), Hash('8'), 1));

    private static ChainHash Hash(char digit) => ChainHash.Parse("0x" + new string(digit, 64));

    private static string Flip(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];

    /// <summary>An argument that distinguishes "left out" (the default evidence) from an explicit null.</summary>
    private readonly struct Optional<T>
    {
        private readonly T _value;
        private readonly bool _set;

        private Optional(T value)
        {
            _value = value;
            _set = true;
        }

        public static implicit operator Optional<T>(T value) => new(value);

        public T Or(T fallback) => _set ? _value : fallback;
    }
}
