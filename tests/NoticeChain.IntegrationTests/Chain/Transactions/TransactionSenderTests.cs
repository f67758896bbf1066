using System.Numerics;
using NoticeChain.Chain;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain.Transactions;

/// <summary>The signer: fees from the node within the cap, nonces from the pending count, gas from the estimate.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class TransactionSenderTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Fees_are_twice_the_next_base_fee_plus_the_suggested_tip()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (_, sender) = await bed.FundedSenderAsync();

        var fees = await sender.EstimateFeesAsync();

        var baseFee = (await bed.Rpc.FeeHistoryAsync(1, BlockParameter.Latest, [])).BaseFeePerGas[^1];
        var tip = await bed.Rpc.MaxPriorityFeePerGasAsync();
        Assert.Equal(new TransactionFees((2 * baseFee) + tip, tip), fees);
    }

    [Fact]
    public async Task A_cap_below_the_base_fee_refuses_to_send_anything()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var baseFee = (await bed.Rpc.FeeHistoryAsync(1, BlockParameter.Latest, [])).BaseFeePerGas[^1];
        Assert.True(baseFee > 0);
        using var capped = new TransactionSender(bed.Rpc, authority.Key, bed.Node.ChainId, new TransactionSenderOptions { MaxFeePerGasCap = baseFee - 1 });
        var nonce = await bed.Rpc.GetTransactionCountAsync(authority.Address);
        var batch = NoticeBatch.Random(2);

        var error = await Assert.ThrowsAsync<FeeCapExceededException>(() => bed.ClientFor(capped).AnchorAsync(batch.Root, batch.Size));

        Assert.Equal((baseFee, baseFee - 1), (error.BaseFeePerGas, error.MaxFeePerGasCap));
        Assert.Equal(nonce, await bed.Rpc.GetTransactionCountAsync(authority.Address));
        Assert.Null(await bed.Governance.GetAnchorAsync(batch.Root));
    }

    [Fact]
    public async Task A_cap_between_base_fee_and_the_usual_offer_bounds_the_fee_and_the_transaction_is_mined()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var baseFee = (await bed.Rpc.FeeHistoryAsync(1, BlockParameter.Latest, [])).BaseFeePerGas[^1];
        var cap = baseFee + 1;
        using var capped = new TransactionSender(bed.Rpc, authority.Key, bed.Node.ChainId, new TransactionSenderOptions { MaxFeePerGasCap = cap });

        var fees = await capped.EstimateFeesAsync();
        var batch = NoticeBatch.Random(2);
        var receipt = await bed.ClientFor(capped).AnchorAsync(batch.Root, batch.Size);

        Assert.Equal(cap, fees.MaxFeePerGas);
        Assert.True(fees.MaxPriorityFeePerGas <= fees.MaxFeePerGas);
        Assert.True(receipt.EffectiveGasPrice <= cap);
        var transaction = await bed.Rpc.GetTransactionByHashAsync(receipt.TransactionHash);
        Assert.Equal(cap, transaction!.MaxFeePerGas);
    }

    [Fact]
    public async Task Concurrent_sends_through_one_sender_take_consecutive_nonces()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var firstNonce = await bed.Rpc.GetTransactionCountAsync(authority.Address);
        var batches = Enumerable.Range(0, 6).Select(_ => NoticeBatch.Random(3)).ToArray();

        var receipts = await Task.WhenAll(batches.Select(b => authority.Client.AnchorAsync(b.Root, b.Size)));

        var nonces = new List<ulong>();
        foreach (var receipt in receipts)
        {
            nonces.Add((await bed.Rpc.GetTransactionByHashAsync(receipt.TransactionHash))!.Nonce);
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(i => firstNonce + (ulong)i), nonces.Order());
        foreach (var batch in batches)
        {
            Assert.NotNull(await bed.Governance.GetAnchorAsync(batch.Root));
        }
    }

    [Fact]
    public async Task Gas_limit_is_the_estimate_plus_the_margin()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = NoticeBatch.Random(2);
        var data = NoticeRegistryAbi.Contract.GetFunction("anchor").EncodeCall(batch.Root.ToArray(), batch.Size);
        var estimate = await bed.Rpc.EstimateGasAsync(new CallRequest { From = authority.Address, To = bed.Registry, Data = data });

        var receipt = await authority.Sender.SendAsync(bed.Registry, data);

        var transaction = await bed.Rpc.GetTransactionByHashAsync(receipt.TransactionHash);
        Assert.Equal(estimate + (estimate * 20 / 100), transaction!.Gas);
        Assert.True(receipt.GasUsed <= estimate);
    }

    [Fact]
    public async Task A_reverting_estimate_sends_nothing_and_carries_the_revert_data()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var (stranger, strangerSender) = await bed.FundedSenderAsync();
        var data = NoticeRegistryAbi.Contract.GetFunction("anchor").EncodeCall(NoticeBatch.Random(1).Root.ToArray(), 1UL);

        var error = await Assert.ThrowsAsync<EthRpcException>(() => strangerSender.SendAsync(bed.Registry, data));

        Assert.True(error.IsExecutionReverted);
        var revert = RegistryRevertException.FromRevertData(error.DataBytes!.Value, error);
        Assert.Equal("UnknownKey", revert.ErrorName);
        Assert.Equal(stranger.Address, revert.GetArgument<Address>("key"));
        Assert.Same(error, revert.InnerException);
        Assert.Equal(0UL, await bed.Rpc.GetTransactionCountAsync(stranger.Address));
    }

    [Fact]
    public async Task A_transaction_mined_with_status_zero_is_a_TransactionFailedException_with_its_receipt()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var authority = await bed.RegisterAuthorityAsync();
        var batch = NoticeBatch.Random(2);
        var data = NoticeRegistryAbi.Contract.GetFunction("anchor").EncodeCall(batch.Root.ToArray(), batch.Size);

        var hash = await authority.Sender.SubmitAsync(bed.Registry, data, gasLimit: 30_000);
        var error = await Assert.ThrowsAsync<TransactionFailedException>(() => authority.Sender.WaitForSuccessAsync(hash));

        Assert.Equal(hash, error.Receipt!.TransactionHash);
        Assert.False(error.Receipt.Succeeded);
        Assert.Null(await bed.Governance.GetAnchorAsync(batch.Root));
    }

    [Fact]
    public async Task Connect_reads_the_chain_id_and_the_sender_signs_for_it()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        using var key = PrivateKey.Generate();

        using var sender = await TransactionSender.ConnectAsync(bed.Rpc, key);

        Assert.Equal(bed.Node.ChainId, sender.ChainId);
        Assert.Equal(key.Address, sender.Address);
    }

    [Fact]
    public async Task Options_out_of_range_are_rejected()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        using var key = PrivateKey.Generate();

        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(bed.Rpc, key, 1, new TransactionSenderOptions { GasMarginPercent = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(bed.Rpc, key, 1, new TransactionSenderOptions { MaxFeePerGasCap = BigInteger.MinusOne }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionSender(bed.Rpc, key, 1, new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.Zero }));
    }
}
