using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>Deployment, the two-step governance transfer, and who may register, rotate and retire authorities.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class NoticeRegistryGovernanceTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Deployment_sets_governance_and_logs_the_transfer_from_zero()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);

        Assert.Equal(bed.GovernanceKey.Address, await bed.Governance.GetGovernanceAsync());
        Assert.Equal(Address.Zero, await bed.Governance.GetPendingGovernanceAsync());
        var transferred = Assert.IsType<GovernanceTransferred>(Assert.Single(bed.Governance.DecodeEvents(bed.DeploymentReceipt)));
        Assert.Equal(Address.Zero, transferred.PreviousGovernance);
        Assert.Equal(bed.GovernanceKey.Address, transferred.NewGovernance);
        Assert.Equal(bed.DeploymentReceipt.TransactionHash, transferred.Position.TransactionHash);
    }

    [Fact]
    public async Task Deployment_with_zero_governance_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (_, sender) = await bed.FundedSenderAsync();

        await RegistryAssert.RevertsWithAsync(
            "ZeroGovernance", () => NoticeRegistryClient.DeployAsync(sender, RegistryTestBed.CreationCode, Address.Zero));
    }

    [Fact]
    public async Task Governance_transfer_takes_effect_only_when_the_successor_accepts()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (successorKey, successorSender) = await bed.FundedSenderAsync();
        var successor = bed.ClientFor(successorSender);

        var started = await bed.Governance.TransferGovernanceAsync(successorKey.Address);

        Assert.Equal(bed.GovernanceKey.Address, await bed.Governance.GetGovernanceAsync());
        Assert.Equal(successorKey.Address, await bed.Governance.GetPendingGovernanceAsync());
        var startedEvent = Assert.IsType<GovernanceTransferStarted>(Assert.Single(bed.Governance.DecodeEvents(started)));
        Assert.Equal(bed.GovernanceKey.Address, startedEvent.CurrentGovernance);
        Assert.Equal(successorKey.Address, startedEvent.PendingGovernance);

        var accepted = await successor.AcceptGovernanceAsync();

        Assert.Equal(successorKey.Address, await bed.Governance.GetGovernanceAsync());
        Assert.Equal(Address.Zero, await bed.Governance.GetPendingGovernanceAsync());
        var acceptedEvent = Assert.IsType<GovernanceTransferred>(Assert.Single(bed.Governance.DecodeEvents(accepted)));
        Assert.Equal(bed.GovernanceKey.Address, acceptedEvent.PreviousGovernance);
        Assert.Equal(successorKey.Address, acceptedEvent.NewGovernance);

        var (newKey, _) = await bed.FundedSenderAsync();
        var error = await RegistryAssert.RevertsWithAsync(
            "NotGovernance", () => bed.Governance.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), "Jugendamt", newKey.Address));
        Assert.Equal(bed.GovernanceKey.Address, error.GetArgument<Address>("caller"));
        await successor.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), "Jugendamt", newKey.Address);
    }

    [Fact]
    public async Task Transfer_by_anyone_but_governance_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();

        var error = await RegistryAssert.RevertsWithAsync("NotGovernance", () => authority.Client.TransferGovernanceAsync(authority.Address));

        Assert.Equal(authority.Address, error.GetArgument<Address>("caller"));
        Assert.Equal(Address.Zero, await bed.Governance.GetPendingGovernanceAsync());
    }

    [Fact]
    public async Task Accept_by_anyone_but_the_proposed_successor_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (successorKey, _) = await bed.FundedSenderAsync();
        var (_, intruderSender) = await bed.FundedSenderAsync();
        await bed.Governance.TransferGovernanceAsync(successorKey.Address);

        var error = await RegistryAssert.RevertsWithAsync("NotPendingGovernance", () => bed.ClientFor(intruderSender).AcceptGovernanceAsync());

        Assert.Equal(intruderSender.Address, error.GetArgument<Address>("caller"));
        Assert.Equal(successorKey.Address, error.GetArgument<Address>("pendingGovernance"));
        Assert.Equal(bed.GovernanceKey.Address, await bed.Governance.GetGovernanceAsync());
    }

    [Fact]
    public async Task Accept_without_a_proposal_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);

        var error = await RegistryAssert.RevertsWithAsync("NotPendingGovernance", () => bed.Governance.AcceptGovernanceAsync());

        Assert.Equal(Address.Zero, error.GetArgument<Address>("pendingGovernance"));
    }

    [Fact]
    public async Task Proposing_the_zero_address_withdraws_a_proposal()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (successorKey, successorSender) = await bed.FundedSenderAsync();
        await bed.Governance.TransferGovernanceAsync(successorKey.Address);

        await bed.Governance.TransferGovernanceAsync(Address.Zero);

        Assert.Equal(Address.Zero, await bed.Governance.GetPendingGovernanceAsync());
        await RegistryAssert.RevertsWithAsync("NotPendingGovernance", () => bed.ClientFor(successorSender).AcceptGovernanceAsync());
    }

    [Fact]
    public async Task Register_by_anyone_but_governance_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (otherKey, _) = await bed.FundedSenderAsync();

        var error = await RegistryAssert.RevertsWithAsync(
            "NotGovernance", () => authority.Client.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), "Schattenamt", otherKey.Address));

        Assert.Equal(authority.Address, error.GetArgument<Address>("caller"));
        Assert.Null(await bed.Governance.GetKeyAsync(otherKey.Address));
    }

    [Fact]
    public async Task Rotate_by_anyone_but_governance_is_rejected_even_for_the_authority_itself()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (newKey, _) = await bed.FundedSenderAsync();

        await RegistryAssert.RevertsWithAsync("NotGovernance", () => authority.Client.RotateIssuerKeyAsync(authority.IssuerId, newKey.Address));

        Assert.Equal(authority.Address, (await bed.Governance.GetIssuerAsync(authority.IssuerId))!.CurrentKey);
    }

    [Fact]
    public async Task Retire_by_anyone_but_governance_is_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var other = await bed.RegisterAuthorityAsync();

        await RegistryAssert.RevertsWithAsync("NotGovernance", () => other.Client.RetireIssuerAsync(authority.IssuerId));

        Assert.False((await bed.Governance.GetIssuerAsync(authority.IssuerId))!.IsRetired);
    }

    [Fact]
    public async Task Register_records_the_authority_and_its_key_and_logs_it()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (key, _) = await bed.FundedSenderAsync();
        var issuerId = RegistryTestBed.RandomIssuerId();

        var receipt = await bed.Governance.RegisterIssuerAsync(issuerId, "Jugendamt Köln", key.Address);

        var registeredAt = await bed.BlockTimeAsync(receipt.BlockNumber);
        var issuer = await bed.Governance.GetIssuerAsync(issuerId);
        Assert.Equal(new IssuerInfo(issuerId, "Jugendamt Köln", key.Address, registeredAt, null, issuer!.Keys), issuer);
        Assert.Equal([key.Address], issuer.Keys);
        Assert.Equal(new IssuerKeyInfo(key.Address, issuerId, registeredAt, null), await bed.Governance.GetKeyAsync(key.Address));
        var registered = Assert.IsType<IssuerRegistered>(Assert.Single(bed.Governance.DecodeEvents(receipt)));
        Assert.Equal((issuerId, key.Address, "Jugendamt Köln"), (registered.IssuerId, registered.Key, registered.Name));
    }

    [Fact]
    public async Task Unknown_authority_and_key_read_as_null()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);

        Assert.Null(await bed.Governance.GetIssuerAsync(RegistryTestBed.RandomIssuerId()));
        Assert.Null(await bed.Governance.GetKeyAsync(PrivateKey.Generate().Address));
    }

    [Fact]
    public async Task Register_rejects_the_zero_issuer_id()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (key, _) = await bed.FundedSenderAsync();

        await RegistryAssert.RevertsWithAsync("ZeroIssuerId", () => bed.Governance.RegisterIssuerAsync(IssuerId.Zero, "Amt", key.Address));
    }

    [Fact]
    public async Task Register_rejects_an_empty_name()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (key, _) = await bed.FundedSenderAsync();

        await RegistryAssert.RevertsWithAsync(
            "EmptyName", () => bed.Governance.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), string.Empty, key.Address));
    }

    [Fact]
    public async Task Register_accepts_a_name_of_the_maximum_length_in_utf8_bytes_and_rejects_one_byte_more()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (key, _) = await bed.FundedSenderAsync();
        var (otherKey, _) = await bed.FundedSenderAsync();
        var longest = new string('ä', NoticeRegistryAbi.MaxNameLength / 2);
        var issuerId = RegistryTestBed.RandomIssuerId();

        await bed.Governance.RegisterIssuerAsync(issuerId, longest, key.Address);
        var error = await RegistryAssert.RevertsWithAsync(
            "NameTooLong", () => bed.Governance.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), longest + "x", otherKey.Address));

        Assert.Equal(longest, (await bed.Governance.GetIssuerAsync(issuerId))!.Name);
        Assert.Equal(NoticeRegistryAbi.MaxNameLength + 1, (int)error.GetArgument<System.Numerics.BigInteger>("length"));
        Assert.Equal(NoticeRegistryAbi.MaxNameLength, (int)error.GetArgument<System.Numerics.BigInteger>("maxLength"));
    }

    [Fact]
    public async Task Register_rejects_the_zero_key()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);

        await RegistryAssert.RevertsWithAsync("ZeroKey", () => bed.Governance.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), "Amt", Address.Zero));
    }

    [Fact]
    public async Task Register_rejects_an_issuer_id_already_registered()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (otherKey, _) = await bed.FundedSenderAsync();

        var error = await RegistryAssert.RevertsWithAsync(
            "IssuerAlreadyRegistered", () => bed.Governance.RegisterIssuerAsync(authority.IssuerId, "Doppelgänger", otherKey.Address));

        Assert.Equal(authority.IssuerId, new IssuerId(error.GetArgument<byte[]>("issuerId")));
    }

    [Fact]
    public async Task Register_rejects_the_id_of_a_retired_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (otherKey, _) = await bed.FundedSenderAsync();
        await bed.Governance.RetireIssuerAsync(authority.IssuerId);

        await RegistryAssert.RevertsWithAsync(
            "IssuerAlreadyRegistered", () => bed.Governance.RegisterIssuerAsync(authority.IssuerId, "Nachfolger", otherKey.Address));
    }

    [Fact]
    public async Task Register_rejects_a_key_of_another_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();

        var error = await RegistryAssert.RevertsWithAsync(
            "KeyAlreadyUsed", () => bed.Governance.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), "Zweitamt", authority.Address));

        Assert.Equal(authority.Address, error.GetArgument<Address>("key"));
        Assert.Equal(authority.IssuerId, new IssuerId(error.GetArgument<byte[]>("issuerId")));
    }

    [Fact]
    public async Task Register_rejects_a_key_rotated_out_of_another_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (newKey, _) = await bed.FundedSenderAsync();
        await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, newKey.Address);

        await RegistryAssert.RevertsWithAsync(
            "KeyAlreadyUsed", () => bed.Governance.RegisterIssuerAsync(RegistryTestBed.RandomIssuerId(), "Erbe", authority.Address));
    }

    [Fact]
    public async Task Rotate_moves_the_authority_to_the_new_key_and_closes_the_old_keys_window()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var registeredAt = (await bed.Governance.GetKeyAsync(authority.Address))!.ValidFrom;
        var (newKey, _) = await bed.FundedSenderAsync();

        var receipt = await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, newKey.Address);

        var rotatedAt = await bed.BlockTimeAsync(receipt.BlockNumber);
        var issuer = (await bed.Governance.GetIssuerAsync(authority.IssuerId))!;
        Assert.Equal(newKey.Address, issuer.CurrentKey);
        Assert.Equal([authority.Address, newKey.Address], issuer.Keys);
        Assert.False(issuer.IsRetired);
        Assert.Equal(new IssuerKeyInfo(authority.Address, authority.IssuerId, registeredAt, rotatedAt), await bed.Governance.GetKeyAsync(authority.Address));
        Assert.Equal(new IssuerKeyInfo(newKey.Address, authority.IssuerId, rotatedAt, null), await bed.Governance.GetKeyAsync(newKey.Address));
        var rotated = Assert.IsType<IssuerKeyRotated>(Assert.Single(bed.Governance.DecodeEvents(receipt)));
        Assert.Equal((authority.IssuerId, authority.Address, newKey.Address), (rotated.IssuerId, rotated.OldKey, rotated.NewKey));
    }

    [Fact]
    public async Task Rotate_rejects_an_unknown_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (key, _) = await bed.FundedSenderAsync();
        var unknown = RegistryTestBed.RandomIssuerId();

        var error = await RegistryAssert.RevertsWithAsync("UnknownIssuer", () => bed.Governance.RotateIssuerKeyAsync(unknown, key.Address));

        Assert.Equal(unknown, new IssuerId(error.GetArgument<byte[]>("issuerId")));
    }

    [Fact]
    public async Task Rotate_rejects_a_retired_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var (key, _) = await bed.FundedSenderAsync();
        await bed.Governance.RetireIssuerAsync(authority.IssuerId);

        await RegistryAssert.RevertsWithAsync("IssuerIsRetired", () => bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, key.Address));
    }

    [Fact]
    public async Task Rotate_rejects_the_zero_key()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();

        await RegistryAssert.RevertsWithAsync("ZeroKey", () => bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, Address.Zero));
    }

    [Fact]
    public async Task Rotate_rejects_the_current_key_a_key_of_another_authority_and_a_key_rotated_out_before()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var other = await bed.RegisterAuthorityAsync();
        var (secondKey, _) = await bed.FundedSenderAsync();
        await bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, secondKey.Address);

        await RegistryAssert.RevertsWithAsync("KeyAlreadyUsed", () => bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, secondKey.Address));
        await RegistryAssert.RevertsWithAsync("KeyAlreadyUsed", () => bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, other.Address));
        await RegistryAssert.RevertsWithAsync("KeyAlreadyUsed", () => bed.Governance.RotateIssuerKeyAsync(authority.IssuerId, authority.Address));
    }

    [Fact]
    public async Task Retire_marks_the_authority_and_closes_its_last_keys_window()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();

        var receipt = await bed.Governance.RetireIssuerAsync(authority.IssuerId);

        var retiredAt = await bed.BlockTimeAsync(receipt.BlockNumber);
        var issuer = (await bed.Governance.GetIssuerAsync(authority.IssuerId))!;
        Assert.True(issuer.IsRetired);
        Assert.Equal(retiredAt, issuer.RetiredAt);
        Assert.Equal(authority.Address, issuer.CurrentKey);
        Assert.Equal(retiredAt, (await bed.Governance.GetKeyAsync(authority.Address))!.ValidUntil);
        var retired = Assert.IsType<IssuerRetired>(Assert.Single(bed.Governance.DecodeEvents(receipt)));
        Assert.Equal((authority.IssuerId, authority.Address), (retired.IssuerId, retired.LastKey));
    }

    [Fact]
    public async Task Retire_rejects_an_unknown_or_already_retired_authority()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var retiredAt = await bed.BlockTimeAsync((await bed.Governance.RetireIssuerAsync(authority.IssuerId)).BlockNumber);

        await RegistryAssert.RevertsWithAsync("UnknownIssuer", () => bed.Governance.RetireIssuerAsync(RegistryTestBed.RandomIssuerId()));
        var error = await RegistryAssert.RevertsWithAsync("IssuerIsRetired", () => bed.Governance.RetireIssuerAsync(authority.IssuerId));

        Assert.Equal(retiredAt.ToUnixTimeSeconds(), (long)error.GetArgument<System.Numerics.BigInteger>("retiredAt"));
    }

    [Theory]
    [InlineData("MAX_PATH_LENGTH", NoticeRegistryAbi.MaxPathLength)]
    [InlineData("MAX_NAME_LENGTH", NoticeRegistryAbi.MaxNameLength)]
    [InlineData("MAX_EFFECTIVE_AT", 253_402_300_799)]
    public async Task Constants_read_on_chain_match_the_binding(string name, long expected)
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var function = NoticeRegistryAbi.Contract.GetFunction(name);

        var output = await bed.Rpc.CallAsync(new NoticeChain.Ethereum.Rpc.CallRequest { To = bed.Registry, Data = function.EncodeCall() });

        Assert.Equal(new System.Numerics.BigInteger(expected), function.DecodeOutput(output).Get<System.Numerics.BigInteger>(0));
        Assert.Equal(253_402_300_799, NoticeRegistryAbi.MaxEffectiveAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Read_only_client_refuses_to_send()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var readOnly = new NoticeRegistryClient(bed.Rpc, bed.Registry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => readOnly.RetireIssuerAsync(RegistryTestBed.RandomIssuerId()));
        Assert.Equal(bed.GovernanceKey.Address, await readOnly.GetGovernanceAsync());
    }
}
