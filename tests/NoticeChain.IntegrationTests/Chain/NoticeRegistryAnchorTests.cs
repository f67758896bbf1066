using System.Numerics;
using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>Who may anchor a root, what an anchor records, and how key rotation and retirement affect it.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class NoticeRegistryAnchorTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Anchor_records_authority_key_size_and_block_and_logs_it()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = NoticeBatch.Random(5);

        var receipt = await authority.Client.AnchorAsync(batch.Root, batch.Size);

        var anchoredAt = await bed.BlockTimeAsync(receipt.BlockNumber);
        Assert.Equal(
            new AnchorInfo(batch.Root, authority.IssuerId, authority.Address, 5, anchoredAt, receipt.BlockNumber),
            await bed.Governance.GetAnchorAsync(batch.Root));
        var anchored = Assert.IsType<RootAnchored>(Assert.Single(bed.Governance.DecodeEvents(receipt)));
        Assert.Equal(batch.Root, anchored.Root);
        Assert.Equal(authority.IssuerId, anchored.IssuerId);
        Assert.Equal(authority.Address, anchored.Key);
        Assert.Equal(5UL, anchored.Size);
        Assert.Equal(anchoredAt, anchored.AnchoredAt);
        Assert.Equal(new LogPosition(receipt.BlockNumber, receipt.BlockHash, receipt.TransactionHash, receipt.TransactionIndex, receipt.Logs[0].LogIndex), anchored.Position);
    }

    [Fact]
    public async Task Unanchored_root_reads_as_null()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);

        Assert.Null(await bed.Governance.GetAnchorAsync(NoticeBatch.Random(1).Root));
    }

    [Fact]
    public async Task Anchor_by_an_unregistered_key_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (stranger, strangerSender) = await bed.FundedSenderAsync();
        var batch = NoticeBatch.Random(3);

        var error = await RegistryAssert.RevertsWithAsync("UnknownKey", () => bed.ClientFor(strangerSender).AnchorAsync(batch.Root, batch.Size));

        Assert.Equal(stranger.Address, error.GetArgument<Address>("key"));
        Assert.Null(await bed.Governance.GetAnchorAsync(batch.Root));
    }

    [Fact]
    public async Task Anchor_by_governance_is_rejected_because_governance_is_no_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = NoticeBatch.Random(3);

        await RegistryAssert.RevertsWithAsync("UnknownKey", () => bed.Governance.AnchorAsync(batch.Root, batch.Size));
    }

    [Fact]
    public async Task Anchor_with_a_rotated_out_key_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (newKey, _) = await bed.FundedSenderAsync();
        var rotation = await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, newKey.Address);
        var batch = NoticeBatch.Random(3);

        var error = await RegistryAssert.RevertsWithAsync("KeyRotatedOut", () => authority.Client.AnchorAsync(batch.Root, batch.Size));

        Assert.Equal(authority.Address, error.GetArgument<Address>("key"));
        Assert.Equal(authority.IssuerId, new IssuerId(error.GetArgument<byte[]>("issuerId")));
        Assert.Equal((await bed.BlockTimeAsync(rotation.BlockNumber)).ToUnixTimeSeconds(), (long)error.GetArgument<BigInteger>("rotatedAt"));
        Assert.Null(await bed.Governance.GetAnchorAsync(batch.Root));
    }

    [Fact]
    public async Task Anchor_by_a_retired_authority_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        await bed.Governance.RetireIssuerAsync(authority.IssuerId);
        var batch = NoticeBatch.Random(3);

        var error = await RegistryAssert.RevertsWithAsync("IssuerIsRetired", () => authority.Client.AnchorAsync(batch.Root, batch.Size));

        Assert.Equal(authority.IssuerId, new IssuerId(error.GetArgument<byte[]>("issuerId")));
    }

    [Fact]
    public async Task After_rotation_the_new_key_anchors_and_roots_of_the_old_key_stay_with_the_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var before = await RegistryTestBed.AnchorBatchAsync(authority, 4);
        var (newKey, newSender) = await bed.FundedSenderAsync();
        await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, newKey.Address);
        var after = NoticeBatch.Random(4);

        await bed.ClientFor(newSender).AnchorAsync(after.Root, after.Size);

        var oldAnchor = (await bed.Governance.GetAnchorAsync(before.Root))!;
        var newAnchor = (await bed.Governance.GetAnchorAsync(after.Root))!;
        Assert.Equal((authority.IssuerId, authority.Address), (oldAnchor.IssuerId, oldAnchor.Key));
        Assert.Equal((authority.IssuerId, newKey.Address), (newAnchor.IssuerId, newAnchor.Key));
        var oldKey = (await bed.Governance.GetKeyAsync(authority.Address))!;
        Assert.InRange(oldAnchor.AnchoredAt, oldKey.ValidFrom, oldKey.ValidUntil!.Value);
    }

    [Fact]
    public async Task Roots_of_a_retired_authority_stay_readable()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(authority, 2);

        await bed.Governance.RetireIssuerAsync(authority.IssuerId);

        var anchor = (await bed.Governance.GetAnchorAsync(batch.Root))!;
        Assert.Equal(authority.IssuerId, anchor.IssuerId);
        var issuer = (await bed.Governance.GetIssuerAsync(anchor.IssuerId))!;
        Assert.True(issuer.IsRetired);
        Assert.True(anchor.AnchoredAt <= issuer.RetiredAt);
    }

    [Fact]
    public async Task A_root_is_anchored_once_even_across_authorities()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var first = await bed.RegisterAuthorityAsync();
        var second = await bed.RegisterAuthorityAsync();
        var batch = await RegistryTestBed.AnchorBatchAsync(first, 3);

        var again = await RegistryAssert.RevertsWithAsync("RootAlreadyAnchored", () => first.Client.AnchorAsync(batch.Root, batch.Size));
        var stolen = await RegistryAssert.RevertsWithAsync("RootAlreadyAnchored", () => second.Client.AnchorAsync(batch.Root, batch.Size + 1));

        Assert.Equal(batch.Root, new MerkleHash(stolen.GetArgument<byte[]>("root")));
        Assert.Equal(first.IssuerId, new IssuerId(stolen.GetArgument<byte[]>("issuerId")));
        Assert.Equal(first.IssuerId, new IssuerId(again.GetArgument<byte[]>("issuerId")));
        var anchor = (await bed.Governance.GetAnchorAsync(batch.Root))!;
        Assert.Equal((first.IssuerId, 3UL), (anchor.IssuerId, anchor.Size));
    }

    [Fact]
    public async Task Anchor_rejects_the_zero_root()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();

        await RegistryAssert.RevertsWithAsync("ZeroRoot", () => authority.Client.AnchorAsync(new MerkleHash(new byte[32]), 1));
    }

    [Fact]
    public async Task Anchor_rejects_an_empty_tree()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();

        await RegistryAssert.RevertsWithAsync("EmptyTree", () => authority.Client.AnchorAsync(MerkleTree.FromLeafHashes([]).Root, 0));
    }

    [Fact]
    public async Task Anchor_accepts_the_largest_tree_size()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var root = NoticeBatch.Random(1).Root;

        await authority.Client.AnchorAsync(root, ulong.MaxValue);

        Assert.Equal(ulong.MaxValue, (await bed.Governance.GetAnchorAsync(root))!.Size);
    }

    [Fact]
    public async Task Anchor_that_lost_a_race_in_its_block_is_explained_by_replaying_it()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var first = await bed.RegisterAuthorityAsync();
        var second = await bed.RegisterAuthorityAsync();
        var batch = NoticeBatch.Random(2);

        await bed.Node.SendAsync("evm_setAutomine", "[false]");
        Task<TransactionReceipt> firstAnchor, secondAnchor;
        try
        {
            firstAnchor = first.Client.AnchorAsync(batch.Root, batch.Size);
            secondAnchor = second.Client.AnchorAsync(batch.Root, batch.Size);
            await WaitForPendingAsync(bed, 2);
            await bed.Node.SendAsync("evm_mine");
            await Task.WhenAny(Task.WhenAll(firstAnchor, secondAnchor), Task.Delay(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await bed.Node.SendAsync("evm_setAutomine", "[true]");
        }

        // Anvil orders equal-fee transactions by arrival, but nothing here depends on which one wins.
        (Authority Authority, Task<TransactionReceipt> Anchor)[] outcomes = [(first, firstAnchor), (second, secondAnchor)];
        var winner = Assert.Single(outcomes, o => o.Anchor.IsCompletedSuccessfully).Authority;
        var loser = Assert.Single(outcomes, o => o.Authority != winner);
        var error = await RegistryAssert.RevertsWithAsync("RootAlreadyAnchored", () => loser.Anchor);
        var failed = Assert.IsType<TransactionFailedException>(error.InnerException);
        Assert.Equal(0UL, failed.Receipt!.Status);
        Assert.Equal(winner.IssuerId, new IssuerId(error.GetArgument<byte[]>("issuerId")));
        Assert.Equal(winner.IssuerId, (await bed.Governance.GetAnchorAsync(batch.Root))!.IssuerId);
    }

    private static async Task WaitForPendingAsync(RegistryTestBed bed, int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var status = await bed.Node.SendAsync("txpool_status");
            var pending = Convert.ToInt32(status.GetProperty("pending").GetString(), 16);
            if (pending >= count)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Fewer than {count} transactions reached the pool.");
    }
}
