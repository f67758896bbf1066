using System.Numerics;
using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>Revoking and superseding: only the authority that anchored a notice, only with a valid proof, only once.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class NoticeRegistryRevocationTests(AnvilFixture fixture)
{
    private static readonly DateTimeOffset IssuedOn = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Revoke_records_reason_and_both_dates_and_logs_it()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 7);
        var notice = batch.Notice(5);

        var receipt = await authority.Client.RevokeAsync(notice, RevocationReason.Withdrawal, IssuedOn);

        var revokedAt = await bed.BlockTimeAsync(receipt.BlockNumber);
        Assert.Equal(
            new RevocationInfo(authority.IssuerId, notice.Leaf, RevocationReason.Withdrawal, IssuedOn, revokedAt),
            await bed.Governance.GetRevocationAsync(authority.IssuerId, notice.Leaf));
        Assert.Null(await bed.Governance.GetSupersessionAsync(authority.IssuerId, notice.Leaf));
        Assert.Null(await bed.Governance.GetRevocationAsync(authority.IssuerId, batch.Leaves[4]));
        var revoked = Assert.IsType<NoticeRevoked>(Assert.Single(bed.Governance.DecodeEvents(receipt)));
        Assert.Equal(
            (authority.IssuerId, notice.Leaf, batch.Root, RevocationReason.Withdrawal, IssuedOn, revokedAt),
            (revoked.IssuerId, revoked.Leaf, revoked.Root, revoked.Reason, revoked.EffectiveAt, revoked.RevokedAt));
    }

    [Theory]
    [InlineData(RevocationReason.Withdrawal)]
    [InlineData(RevocationReason.Revocation)]
    [InlineData(RevocationReason.Correction)]
    [InlineData(RevocationReason.Nullity)]
    [InlineData(RevocationReason.Other)]
    public async Task Every_reason_code_round_trips(RevocationReason reason)
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 1);

        await authority.Client.RevokeAsync(batch.Notice(0), reason, IssuedOn.AddYears(5));

        Assert.Equal(reason, (await bed.Governance.GetRevocationAsync(authority.IssuerId, batch.Leaves[0]))!.Reason);
    }

    [Fact]
    public async Task Revoke_of_another_authoritys_notice_is_rejected_even_with_a_valid_proof()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var owner = await bed.RegisterAuthorityAsync();
        var intruder = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(owner, 4);

        var error = await RegistryAssert.RevertsWithAsync(
            "NotRootIssuer", () => intruder.Client.RevokeAsync(batch.Notice(2), RevocationReason.Nullity, IssuedOn));

        Assert.Equal(batch.Root, new MerkleHash(error.GetArgument<byte[]>("root")));
        Assert.Equal(owner.IssuerId, new IssuerId(error.GetArgument<byte[]>("rootIssuerId")));
        Assert.Equal(intruder.IssuerId, new IssuerId(error.GetArgument<byte[]>("callerIssuerId")));
        Assert.Null(await bed.Governance.GetRevocationAsync(owner.IssuerId, batch.Leaves[2]));
        Assert.Null(await bed.Governance.GetRevocationAsync(intruder.IssuerId, batch.Leaves[2]));
    }

    [Fact]
    public async Task Supersede_of_another_authoritys_notice_is_rejected_even_with_valid_proofs()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var owner = await bed.RegisterAuthorityAsync();
        var intruder = await bed.RegisterAuthorityAsync();
        var victim = await RegistryTestBed.AnchorBatchAsync(owner, 3);
        var replacement = await RegistryTestBed.AnchorBatchAsync(intruder, 3);

        var error = await RegistryAssert.RevertsWithAsync(
            "NotRootIssuer",
            () => intruder.Client.SupersedeAsync(victim.Notice(0), replacement.Notice(0), RevocationReason.Correction, IssuedOn));

        Assert.Equal(owner.IssuerId, new IssuerId(error.GetArgument<byte[]>("rootIssuerId")));
        Assert.Null(await bed.Governance.GetSupersessionAsync(owner.IssuerId, victim.Leaves[0]));
    }

    [Fact]
    public async Task Supersede_by_another_authoritys_notice_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var owner = await bed.RegisterAuthorityAsync();
        var other = await bed.RegisterAuthorityAsync();
        var mine = await RegistryTestBed.AnchorBatchAsync(owner, 3);
        var theirs = await RegistryTestBed.AnchorBatchAsync(other, 3);

        var error = await RegistryAssert.RevertsWithAsync(
            "NotRootIssuer", () => owner.Client.SupersedeAsync(mine.Notice(1), theirs.Notice(1), RevocationReason.Correction, IssuedOn));

        Assert.Equal(theirs.Root, new MerkleHash(error.GetArgument<byte[]>("root")));
        Assert.Equal(other.IssuerId, new IssuerId(error.GetArgument<byte[]>("rootIssuerId")));
    }

    [Fact]
    public async Task A_leaf_copied_into_another_authoritys_tree_is_revoked_only_for_that_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var owner = await bed.RegisterAuthorityAsync();
        var copier = await bed.RegisterAuthorityAsync();
        var original = await RegistryTestBed.AnchorBatchAsync(owner, 2);
        var copy = new NoticeBatch([NoticeBatch.Random(1).Leaves[0], original.Leaves[1]]);
        await copier.Client.AnchorAsync(copy.Root, copy.Size);

        await copier.Client.RevokeAsync(copy.Notice(1), RevocationReason.Nullity, IssuedOn);

        Assert.NotNull(await bed.Governance.GetRevocationAsync(copier.IssuerId, original.Leaves[1]));
        Assert.Null(await bed.Governance.GetRevocationAsync(owner.IssuerId, original.Leaves[1]));
        await owner.Client.RevokeAsync(original.Notice(1), RevocationReason.Revocation, IssuedOn);
        Assert.Equal(RevocationReason.Revocation, (await bed.Governance.GetRevocationAsync(owner.IssuerId, original.Leaves[1]))!.Reason);
    }

    [Fact]
    public async Task Revoke_with_a_tampered_audit_path_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 9);
        var notice = batch.Notice(3);
        var path = notice.Proof.AuditPath.ToArray();
        path[1] = NoticeBatch.Random(1).Leaves[0];
        var tampered = notice with { Proof = new InclusionProof(3, 9, path) };

        var error = await RegistryAssert.RevertsWithAsync(
            "InvalidProof", () => authority.Client.RevokeAsync(tampered, RevocationReason.Other, IssuedOn));

        Assert.Equal(notice.Leaf, new MerkleHash(error.GetArgument<byte[]>("leaf")));
        Assert.Equal(batch.Root, new MerkleHash(error.GetArgument<byte[]>("root")));
        Assert.Equal(3, (int)error.GetArgument<BigInteger>("index"));
        Assert.Null(await bed.Governance.GetRevocationAsync(authority.IssuerId, notice.Leaf));
    }

    [Fact]
    public async Task Revoke_of_a_leaf_that_is_not_in_the_tree_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 6);
        var foreign = batch.Notice(2) with { Leaf = NoticeBatch.Random(1).Leaves[0] };

        await RegistryAssert.RevertsWithAsync("InvalidProof", () => authority.Client.RevokeAsync(foreign, RevocationReason.Other, IssuedOn));
    }

    [Fact]
    public async Task Revoke_with_the_proof_of_another_index_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 6);
        var notice = batch.Notice(2);
        var wrongIndex = notice with { Proof = new InclusionProof(3, 6, notice.Proof.AuditPath) };

        await RegistryAssert.RevertsWithAsync("InvalidProof", () => authority.Client.RevokeAsync(wrongIndex, RevocationReason.Other, IssuedOn));
    }

    [Fact]
    public async Task Revoke_with_a_size_other_than_the_anchored_one_is_rejected_even_where_the_path_fits()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 6);
        var notice = batch.Notice(0);
        var neighbouringSize = notice with { Proof = new InclusionProof(0, 7, notice.Proof.AuditPath) };
        Assert.Equal(InclusionProofResult.Verified, neighbouringSize.Proof.Verify(notice.Leaf, batch.Root));

        var error = await RegistryAssert.RevertsWithAsync(
            "TreeSizeMismatch", () => authority.Client.RevokeAsync(neighbouringSize, RevocationReason.Other, IssuedOn));

        Assert.Equal(6, (int)error.GetArgument<BigInteger>("anchoredSize"));
        Assert.Equal(7, (int)error.GetArgument<BigInteger>("givenSize"));
    }

    [Fact]
    public async Task Revoke_with_an_index_beyond_the_tree_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 4);
        var notice = batch.Notice(3);
        var beyond = notice with { Proof = new InclusionProof(4, 4, notice.Proof.AuditPath) };

        var error = await RegistryAssert.RevertsWithAsync(
            "IndexOutOfRange", () => authority.Client.RevokeAsync(beyond, RevocationReason.Other, IssuedOn));

        Assert.Equal((4, 4), ((int)error.GetArgument<BigInteger>("index"), (int)error.GetArgument<BigInteger>("size")));
    }

    [Fact]
    public async Task Revoke_with_a_path_longer_than_the_bound_is_rejected_before_hashing()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 2);
        var notice = batch.Notice(0);
        var padded = notice with
        {
            Proof = new InclusionProof(0, 2, [.. notice.Proof.AuditPath, .. Enumerable.Repeat(batch.Root, NoticeRegistryAbi.MaxPathLength)]),
        };

        var error = await RegistryAssert.RevertsWithAsync(
            "ProofTooLong", () => authority.Client.RevokeAsync(padded, RevocationReason.Other, IssuedOn));

        Assert.Equal(NoticeRegistryAbi.MaxPathLength + 1, (int)error.GetArgument<BigInteger>("length"));
        Assert.Equal(NoticeRegistryAbi.MaxPathLength, (int)error.GetArgument<BigInteger>("maxLength"));
    }

    [Fact]
    public async Task Revoke_against_a_root_that_was_never_anchored_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var unanchored = NoticeBatch.Random(3);

        var error = await RegistryAssert.RevertsWithAsync(
            "RootNotAnchored", () => authority.Client.RevokeAsync(unanchored.Notice(1), RevocationReason.Other, IssuedOn));

        Assert.Equal(unanchored.Root, new MerkleHash(error.GetArgument<byte[]>("root")));
    }

    [Fact]
    public async Task Revoke_twice_is_rejected_and_keeps_the_first_revocation()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);
        await authority.Client.RevokeAsync(batch.Notice(1), RevocationReason.Withdrawal, IssuedOn);

        var error = await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadyRevoked", () => authority.Client.RevokeAsync(batch.Notice(1), RevocationReason.Nullity, IssuedOn.AddDays(1)));

        Assert.Equal(authority.IssuerId, new IssuerId(error.GetArgument<byte[]>("issuerId")));
        Assert.Equal(batch.Leaves[1], new MerkleHash(error.GetArgument<byte[]>("leaf")));
        var revocation = (await bed.Governance.GetRevocationAsync(authority.IssuerId, batch.Leaves[1]))!;
        Assert.Equal((RevocationReason.Withdrawal, IssuedOn), (revocation.Reason, revocation.EffectiveAt));
    }

    [Fact]
    public async Task Revoke_of_a_leaf_in_two_roots_of_one_authority_happens_once()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var first = await RegistryTestBed.AnchorBatchAsync(authority, 2);
        var reanchored = new NoticeBatch([first.Leaves[0], NoticeBatch.Random(1).Leaves[0], NoticeBatch.Random(1).Leaves[0]]);
        await authority.Client.AnchorAsync(reanchored.Root, reanchored.Size);
        await authority.Client.RevokeAsync(first.Notice(0), RevocationReason.Revocation, IssuedOn);

        await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadyRevoked", () => authority.Client.RevokeAsync(reanchored.Notice(0), RevocationReason.Revocation, IssuedOn));
    }

    [Fact]
    public async Task Revoke_rejects_an_effective_date_of_zero()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 1);

        var error = await RegistryAssert.RevertsWithAsync(
            "EffectiveDateOutOfRange", () => authority.Client.RevokeAsync(batch.Notice(0), RevocationReason.Other, DateTimeOffset.UnixEpoch));

        Assert.Equal(BigInteger.Zero, error.GetArgument<BigInteger>("effectiveAt"));
        Assert.Equal(NoticeRegistryAbi.MaxEffectiveAt.ToUnixTimeSeconds(), (long)error.GetArgument<BigInteger>("maxEffectiveAt"));
    }

    [Fact]
    public async Task Revoke_accepts_the_latest_effective_date_and_rejects_one_second_more()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 2);
        var notice = batch.Notice(1);
        var tooLate = NoticeRegistryAbi.Contract.GetFunction("revoke").EncodeCall(
            notice.Leaf.ToArray(), batch.Root.ToArray(), 1UL, 2UL, notice.Proof.AuditPath.Select(h => (object?)h.ToArray()).ToArray(),
            (byte)RevocationReason.Other, (ulong)NoticeRegistryAbi.MaxEffectiveAt.ToUnixTimeSeconds() + 1);

        var error = await Assert.ThrowsAsync<NoticeChain.Ethereum.Rpc.EthRpcException>(
            () => authority.Sender.SendAsync(bed.Registry, tooLate));
        await authority.Client.RevokeAsync(notice, RevocationReason.Other, NoticeRegistryAbi.MaxEffectiveAt);

        Assert.Equal("EffectiveDateOutOfRange", RegistryRevertException.FromRevertData(error.DataBytes!.Value, error).ErrorName);
        Assert.Equal(NoticeRegistryAbi.MaxEffectiveAt, (await bed.Governance.GetRevocationAsync(authority.IssuerId, notice.Leaf))!.EffectiveAt);
    }

    [Fact]
    public async Task Revoke_with_an_undefined_reason_code_reverts_without_an_error_and_the_binding_refuses_to_send_one()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 1);
        var undefined = NoticeRegistryAbi.Contract.GetFunction("revoke").EncodeCall(
            batch.Leaves[0].ToArray(), batch.Root.ToArray(), 0UL, 1UL, Array.Empty<object?>(), (byte)5, 1_700_000_000UL);

        var error = await Assert.ThrowsAsync<NoticeChain.Ethereum.Rpc.EthRpcException>(() => authority.Sender.SendAsync(bed.Registry, undefined));

        Assert.True(error.IsExecutionReverted);
        Assert.Null(RegistryRevertException.FromRevertData(error.DataBytes ?? ReadOnlyMemory<byte>.Empty, error).ErrorName);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => authority.Client.RevokeAsync(batch.Notice(0), (RevocationReason)5, IssuedOn));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => authority.Client.RevokeAsync(batch.Notice(0), RevocationReason.Other, DateTimeOffset.UnixEpoch.AddSeconds(-1)));
    }

    [Fact]
    public async Task Revoke_with_a_rotated_out_key_is_rejected_but_the_new_key_revokes_notices_of_the_old_one()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 5);
        var (newKey, newSender) = await bed.FundedSenderAsync();
        await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, newKey.Address);

        await RegistryAssert.RevertsWithAsync("KeyRotatedOut", () => authority.Client.RevokeAsync(batch.Notice(0), RevocationReason.Other, IssuedOn));
        await bed.ClientFor(newSender).RevokeAsync(batch.Notice(0), RevocationReason.Withdrawal, IssuedOn);

        Assert.NotNull(await bed.Governance.GetRevocationAsync(authority.IssuerId, batch.Leaves[0]));
    }

    [Fact]
    public async Task Revoke_by_a_retired_authority_is_rejected_and_its_notices_stay_readable()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);
        await authority.Client.RevokeAsync(batch.Notice(0), RevocationReason.Withdrawal, IssuedOn);
        await bed.Governance.RetireIssuerAsync(authority.IssuerId);

        await RegistryAssert.RevertsWithAsync("IssuerIsRetired", () => authority.Client.RevokeAsync(batch.Notice(1), RevocationReason.Other, IssuedOn));
        await RegistryAssert.RevertsWithAsync(
            "IssuerIsRetired", () => authority.Client.SupersedeAsync(batch.Notice(1), batch.Notice(2), RevocationReason.Correction, IssuedOn));

        Assert.NotNull(await bed.Governance.GetRevocationAsync(authority.IssuerId, batch.Leaves[0]));
        Assert.Null(await bed.Governance.GetRevocationAsync(authority.IssuerId, batch.Leaves[1]));
    }

    [Fact]
    public async Task Revoke_by_an_unregistered_key_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);
        var (_, strangerSender) = await bed.FundedSenderAsync();

        await RegistryAssert.RevertsWithAsync("UnknownKey", () => bed.ClientFor(strangerSender).RevokeAsync(batch.Notice(0), RevocationReason.Other, IssuedOn));
        await RegistryAssert.RevertsWithAsync("UnknownKey", () => bed.Governance.RevokeAsync(batch.Notice(0), RevocationReason.Other, IssuedOn));
    }

    [Fact]
    public async Task Supersede_records_the_replacement_and_logs_it()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var original = await RegistryTestBed.AnchorBatchAsync(authority, 5);
        var corrected = await RegistryTestBed.AnchorBatchAsync(authority, 3);

        var receipt = await authority.Client.SupersedeAsync(original.Notice(4), corrected.Notice(2), RevocationReason.Correction, IssuedOn);

        var supersededAt = await bed.BlockTimeAsync(receipt.BlockNumber);
        Assert.Equal(
            new SupersessionInfo(
                authority.IssuerId, original.Leaves[4], corrected.Leaves[2], corrected.Root, RevocationReason.Correction, IssuedOn, supersededAt),
            await bed.Governance.GetSupersessionAsync(authority.IssuerId, original.Leaves[4]));
        Assert.Null(await bed.Governance.GetRevocationAsync(authority.IssuerId, original.Leaves[4]));
        Assert.Null(await bed.Governance.GetSupersessionAsync(authority.IssuerId, corrected.Leaves[2]));
        var superseded = Assert.IsType<NoticeSuperseded>(Assert.Single(bed.Governance.DecodeEvents(receipt)));
        Assert.Equal(
            (authority.IssuerId, original.Leaves[4], corrected.Leaves[2], original.Root, corrected.Root),
            (superseded.IssuerId, superseded.OldLeaf, superseded.NewLeaf, superseded.OldRoot, superseded.NewRoot));
        Assert.Equal((RevocationReason.Correction, IssuedOn, supersededAt), (superseded.Reason, superseded.EffectiveAt, superseded.SupersededAt));
    }

    [Fact]
    public async Task Supersede_within_one_tree_and_then_of_the_replacement_forms_a_chain()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 3);

        await authority.Client.SupersedeAsync(batch.Notice(0), batch.Notice(1), RevocationReason.Correction, IssuedOn);
        await authority.Client.SupersedeAsync(batch.Notice(1), batch.Notice(2), RevocationReason.Correction, IssuedOn.AddDays(3));

        Assert.Equal(batch.Leaves[1], (await bed.Governance.GetSupersessionAsync(authority.IssuerId, batch.Leaves[0]))!.NewLeaf);
        Assert.Equal(batch.Leaves[2], (await bed.Governance.GetSupersessionAsync(authority.IssuerId, batch.Leaves[1]))!.NewLeaf);
    }

    [Fact]
    public async Task Supersede_by_itself_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 2);

        var error = await RegistryAssert.RevertsWithAsync(
            "SupersededBySelf", () => authority.Client.SupersedeAsync(batch.Notice(1), batch.Notice(1), RevocationReason.Correction, IssuedOn));

        Assert.Equal(batch.Leaves[1], new MerkleHash(error.GetArgument<byte[]>("leaf")));
    }

    [Fact]
    public async Task Supersede_with_an_invalid_proof_of_either_notice_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 4);
        var badOld = batch.Notice(0) with { Proof = batch.Notice(1).Proof };
        var badNew = batch.Notice(3) with { Proof = batch.Notice(2).Proof };

        await RegistryAssert.RevertsWithAsync(
            "InvalidProof", () => authority.Client.SupersedeAsync(badOld, batch.Notice(3), RevocationReason.Correction, IssuedOn));
        var error = await RegistryAssert.RevertsWithAsync(
            "InvalidProof", () => authority.Client.SupersedeAsync(batch.Notice(0), badNew, RevocationReason.Correction, IssuedOn));

        Assert.Equal(batch.Leaves[3], new MerkleHash(error.GetArgument<byte[]>("leaf")));
    }

    [Fact]
    public async Task Supersede_with_an_unanchored_replacement_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 2);
        var pending = NoticeBatch.Random(2);

        await RegistryAssert.RevertsWithAsync(
            "RootNotAnchored", () => authority.Client.SupersedeAsync(batch.Notice(0), pending.Notice(0), RevocationReason.Correction, IssuedOn));
    }

    [Fact]
    public async Task A_revoked_notice_cannot_be_superseded_and_a_superseded_one_cannot_be_revoked_or_superseded_again()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 4);
        await authority.Client.RevokeAsync(batch.Notice(0), RevocationReason.Revocation, IssuedOn);
        await authority.Client.SupersedeAsync(batch.Notice(1), batch.Notice(2), RevocationReason.Correction, IssuedOn);

        await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadyRevoked", () => authority.Client.SupersedeAsync(batch.Notice(0), batch.Notice(3), RevocationReason.Correction, IssuedOn));
        await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadySuperseded", () => authority.Client.RevokeAsync(batch.Notice(1), RevocationReason.Revocation, IssuedOn));
        await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadySuperseded", () => authority.Client.SupersedeAsync(batch.Notice(1), batch.Notice(3), RevocationReason.Correction, IssuedOn));
    }

    [Fact]
    public async Task Supersede_by_a_replacement_that_is_no_longer_in_force_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 4);
        await authority.Client.RevokeAsync(batch.Notice(1), RevocationReason.Revocation, IssuedOn);
        await authority.Client.SupersedeAsync(batch.Notice(2), batch.Notice(3), RevocationReason.Correction, IssuedOn);

        var revoked = await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadyRevoked", () => authority.Client.SupersedeAsync(batch.Notice(0), batch.Notice(1), RevocationReason.Correction, IssuedOn));
        await RegistryAssert.RevertsWithAsync(
            "NoticeAlreadySuperseded", () => authority.Client.SupersedeAsync(batch.Notice(0), batch.Notice(2), RevocationReason.Correction, IssuedOn));

        Assert.Equal(batch.Leaves[1], new MerkleHash(revoked.GetArgument<byte[]>("leaf")));
        Assert.Null(await bed.Governance.GetSupersessionAsync(authority.IssuerId, batch.Leaves[0]));
    }

    [Fact]
    public async Task Supersede_by_an_unregistered_key_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 2);
        var (stranger, strangerSender) = await bed.FundedSenderAsync();

        var error = await RegistryAssert.RevertsWithAsync(
            "UnknownKey",
            () => bed.ClientFor(strangerSender).SupersedeAsync(batch.Notice(0), batch.Notice(1), RevocationReason.Correction, IssuedOn));

        Assert.Equal(stranger.Address, error.GetArgument<Address>("key"));
    }
}
