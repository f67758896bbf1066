using NoticeChain.Chain;
using NoticeChain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>The gas figures of docs/contract.md, measured from real receipts; a change of the contract that moves
/// them by more than 2 % fails here until the document is updated.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class NoticeRegistryGasTests(AnvilFixture fixture, ITestOutputHelper output)
{
    private const double Tolerance = 0.02;

    private static readonly DateTimeOffset EffectiveAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, long, long, long> BatchSizes => new()
    {
        { 1, 73_834, 61_894, 119_227 },
        { 64, 73_834, 68_524, 132_499 },
        { 4_096, 73_834, 75_154, 145_771 },
        { 65_536, 73_822, 79_542, 154_619 },
    };

    [Fact]
    public async Task Governance_operations_cost_what_the_document_says()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (key, _) = await bed.FundedSenderAsync();
        var (newKey, _) = await bed.FundedSenderAsync();
        var issuerId = RegistryTestBed.RandomIssuerId();

        var register = await bed.Governance.RegisterIssuerAsync(issuerId, "Bauaufsichtsamt der Stadt Musterstadt", key.Address);
        var rotate = await bed.Governance.RotateIssuerKeyAsync(issuerId, newKey.Address);
        var retire = await bed.Governance.RetireIssuerAsync(issuerId);

        output.WriteLine($"deploy {bed.DeploymentReceipt.GasUsed}, register {register.GasUsed}, rotate {rotate.GasUsed}, retire {retire.GasUsed}");
        AssertClose(1_752_017, bed.DeploymentReceipt.GasUsed, "deploy");
        AssertClose(228_689, register.GasUsed, "registerIssuer");
        AssertClose(108_737, rotate.GasUsed, "rotateIssuerKey");
        AssertClose(36_195, retire.GasUsed, "retireIssuer");
    }

    [Theory]
    [MemberData(nameof(BatchSizes))]
    public async Task Anchor_is_size_independent_and_revoke_and_supersede_grow_with_the_path(int size, long anchorGas, long revokeGas, long supersedeGas)
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var revoked = NoticeBatch.Random(size);
        var old = NoticeBatch.Random(size);
        var replacement = NoticeBatch.Random(size);

        var anchor = await authority.Client.AnchorAsync(revoked.Root, revoked.Size);
        await authority.Client.AnchorAsync(old.Root, old.Size);
        await authority.Client.AnchorAsync(replacement.Root, replacement.Size);
        var revoke = await authority.Client.RevokeAsync(revoked.Notice(size - 1), RevocationReason.Revocation, EffectiveAt);
        var supersede = await authority.Client.SupersedeAsync(old.Notice(size - 1), replacement.Notice(size - 1), RevocationReason.Correction, EffectiveAt);

        output.WriteLine(
            $"size {size}: path {revoked.Notice(size - 1).Proof.AuditPath.Count}, anchor {anchor.GasUsed} ({(double)anchor.GasUsed / size:0.##}/notice), " +
            $"revoke {revoke.GasUsed}, supersede {supersede.GasUsed}");
        AssertClose(anchorGas, anchor.GasUsed, "anchor");
        AssertClose(revokeGas, revoke.GasUsed, "revoke");
        AssertClose(supersedeGas, supersede.GasUsed, "supersede");
    }

    private static void AssertClose(long documented, ulong measured, string operation) =>
        Assert.True(
            Math.Abs((double)measured - documented) <= documented * Tolerance,
            $"{operation} used {measured} gas; docs/contract.md says {documented}: update the document if the change is intended.");
}
