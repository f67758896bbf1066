using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Ethereum;

/// <summary>
/// The whole client layer against a real node: transactions signed in C# deploy and drive the Counter
/// fixture contract on Anvil; calls, receipts and logs come back through our JSON-RPC client and ABI codec.
/// </summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class SignedTransactionsOnAnvilTests(AnvilFixture fixture) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MiningTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ContractArtifact _artifact = ContractArtifact.Load("Counter");

    private EthRpcClient Rpc => new(_http, fixture.Node.RpcUri);

    private ContractAbi Abi => ContractAbi.FromJson(_artifact.Abi);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Eip1559_deployment_signed_in_csharp_creates_the_contract_at_the_create_address()
    {
        using var sender = await FundedFreshKeyAsync();

        var (receipt, txHash) = await DeployCounterAsync(sender, initialValue: 41);

        Assert.True(receipt.Succeeded);
        Assert.Equal(txHash, receipt.TransactionHash);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(ExpectedCreateAddress(sender.Address, nonce: 0), receipt.ContractAddress);
        Assert.Equal((ulong)TransactionType.Eip1559, receipt.Type);

        var value = Abi.GetFunction("value");
        var output = await Rpc.CallAsync(new CallRequest { To = receipt.ContractAddress, Data = value.EncodeCall() });
        Assert.Equal(new BigInteger(41), value.DecodeOutput(output).Get<BigInteger>(0));
    }

    [Fact]
    public async Task State_change_by_a_second_transaction_is_read_back_by_call_and_logs()
    {
        using var sender = await FundedFreshKeyAsync();
        var (deployment, _) = await DeployCounterAsync(sender, initialValue: 7);
        var contract = deployment.ContractAddress!.Value;

        var set = Abi.GetFunction("set");
        var receipt = await SendEip1559Async(sender, contract, set.EncodeCall(new BigInteger(1234), "zweiter Bescheid"));
        Assert.True(receipt.Succeeded);

        var value = Abi.GetFunction("value");
        var output = await Rpc.CallAsync(new CallRequest { To = contract, Data = value.EncodeCall() });
        Assert.Equal(new BigInteger(1234), value.DecodeOutput(output).Get<BigInteger>(0));

        var setEvent = Abi.GetEvent("Set");
        var bySender = new byte[32];
        sender.Address.CopyTo(bySender.AsSpan(12));
        var logs = await Rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(deployment.BlockNumber),
            ToBlock = BlockParameter.Latest,
            Addresses = [contract],
            Topics = [[new Hash32(setEvent.Topic0)], [new Hash32(bySender)]],
        });

        var log = Assert.Single(logs);
        Assert.Equal(receipt.TransactionHash, log.TransactionHash);
        Assert.Equal(receipt.Logs.Single().Data.ToArray(), log.Data.ToArray());
        var decoded = setEvent.DecodeLog(log.Topics.Select(t => t.ToArray()).ToArray(), log.Data.Span);
        Assert.Equal(sender.Address, decoded.Get<Address>("by"));
        Assert.Equal(new BigInteger(7), decoded.Get<BigInteger>("oldValue"));
        Assert.Equal(new BigInteger(1234), decoded.Get<BigInteger>("newValue"));
        Assert.Equal("zweiter Bescheid", decoded.Get<string>("note"));
    }

    [Fact]
    public async Task Logs_filtered_by_another_sender_are_empty()
    {
        using var sender = await FundedFreshKeyAsync();
        var (deployment, _) = await DeployCounterAsync(sender, initialValue: 1);
        var contract = deployment.ContractAddress!.Value;
        await SendEip1559Async(sender, contract, Abi.GetFunction("increment").EncodeCall());

        var otherSender = new byte[32];
        otherSender[31] = 0x01;
        var logs = await Rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(deployment.BlockNumber),
            Addresses = [contract],
            Topics = [[new Hash32(Abi.GetEvent("Set").Topic0)], [new Hash32(otherSender)]],
        });

        Assert.Empty(logs);
    }

    [Fact]
    public async Task Custom_error_of_a_reverting_call_is_decoded_from_the_rpc_error_data()
    {
        using var sender = await FundedFreshKeyAsync();
        var (deployment, _) = await DeployCounterAsync(sender, initialValue: 1);
        var call = new CallRequest
        {
            From = sender.Address,
            To = deployment.ContractAddress,
            Data = Abi.GetFunction("set").EncodeCall(new BigInteger(2_000_000), "too large"),
        };

        var error = await Assert.ThrowsAsync<EthRpcException>(() => Rpc.CallAsync(call));

        Assert.True(error.IsExecutionReverted);
        Assert.NotNull(error.DataBytes);
        var revertData = error.DataBytes!.Value.ToArray();
        var tooLarge = Abi.FindError(revertData);
        Assert.NotNull(tooLarge);
        Assert.Equal("TooLarge", tooLarge!.Name);
        var args = tooLarge.Decode(revertData);
        Assert.Equal(new BigInteger(2_000_000), args.Get<BigInteger>("value"));
        Assert.Equal(new BigInteger(1_000_000), args.Get<BigInteger>("max"));

        await Assert.ThrowsAsync<EthRpcException>(() => Rpc.EstimateGasAsync(call));
    }

    [Fact]
    public async Task Legacy_eip155_transaction_is_accepted_and_its_hash_and_sender_agree_with_the_node()
    {
        using var sender = await FundedFreshKeyAsync();
        var recipient = PrivateKey.Generate().Address;
        var rpc = Rpc;
        var tx = new LegacyTransaction
        {
            ChainId = fixture.Node.ChainId,
            Nonce = await rpc.GetTransactionCountAsync(sender.Address),
            GasPrice = await rpc.GasPriceAsync(),
            GasLimit = 21_000,
            To = recipient,
            Value = new BigInteger(123_456_789),
        };
        var signed = tx.Sign(sender);

        var hash = await rpc.SendRawTransactionAsync(signed.ToArray());
        var receipt = await rpc.WaitForReceiptAsync(hash, PollInterval, MiningTimeout);

        Assert.Equal(new Hash32(signed.Hash), hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(sender.Address, SignedTransaction.Decode(signed.Raw).RecoverSender());
        Assert.Equal(new BigInteger(123_456_789), await rpc.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Transaction_with_a_wrong_chain_id_is_rejected_by_the_node()
    {
        using var sender = await FundedFreshKeyAsync();
        var rpc = Rpc;
        var tx = new Eip1559Transaction
        {
            ChainId = fixture.Node.ChainId + 1,
            Nonce = await rpc.GetTransactionCountAsync(sender.Address),
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = 10_000_000_000,
            GasLimit = 21_000,
            To = sender.Address,
        };

        await Assert.ThrowsAsync<EthRpcException>(() => rpc.SendRawTransactionAsync(tx.Sign(sender).ToArray()));
    }

    [Fact]
    public async Task Batched_receipts_come_back_for_each_transaction()
    {
        using var sender = await FundedFreshKeyAsync();
        var (deployment, deployHash) = await DeployCounterAsync(sender, initialValue: 3);
        var receipt = await SendEip1559Async(sender, deployment.ContractAddress!.Value, Abi.GetFunction("increment").EncodeCall());

        var unknown = new Hash32(Keccak256.Hash("not a transaction"u8));
        var batch = await Rpc.GetTransactionReceiptsAsync([deployHash, receipt.TransactionHash, unknown]);

        Assert.Equal(3, batch.Count);
        Assert.Equal(deployment.BlockNumber, batch[0].Value!.BlockNumber);
        Assert.Equal(receipt.BlockHash, batch[1].Value!.BlockHash);
        Assert.True(batch[2].Succeeded);
        Assert.Null(batch[2].Value);
    }

    private async Task<(TransactionReceipt Receipt, Hash32 Hash)> DeployCounterAsync(PrivateKey sender, long initialValue)
    {
        var data = Abi.Constructor.EncodeDeployment(_artifact.Bytecode.Span, new BigInteger(initialValue));
        var receipt = await SendEip1559Async(sender, to: null, data);
        return (receipt, receipt.TransactionHash);
    }

    private async Task<TransactionReceipt> SendEip1559Async(PrivateKey sender, Address? to, byte[] data)
    {
        var rpc = Rpc;
        var gas = await rpc.EstimateGasAsync(new CallRequest { From = sender.Address, To = to, Data = data });
        var history = await rpc.FeeHistoryAsync(1, BlockParameter.Latest, [50]);
        var tip = await rpc.MaxPriorityFeePerGasAsync();
        var tx = new Eip1559Transaction
        {
            ChainId = await rpc.ChainIdAsync(),
            Nonce = await rpc.GetTransactionCountAsync(sender.Address),
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = (history.BaseFeePerGas[^1] * 2) + tip,
            GasLimit = gas + (gas / 5),
            To = to,
            Data = data,
        };
        var signed = tx.Sign(sender);

        var hash = await rpc.SendRawTransactionAsync(signed.ToArray());
        Assert.Equal(new Hash32(signed.Hash), hash);
        return await rpc.WaitForReceiptAsync(hash, PollInterval, MiningTimeout);
    }

    /// <summary>A new key, funded from an Anvil dev account, so tests never share a nonce sequence.</summary>
    /// <remarks>Tests of one xunit collection run one at a time, so the faucet's nonce is not raced.</remarks>
    private async Task<PrivateKey> FundedFreshKeyAsync()
    {
        var key = PrivateKey.Generate();
        using var faucet = PrivateKey.FromHex(AnvilNode.DevAccountPrivateKeys[0]);
        var rpc = Rpc;
        var tx = new LegacyTransaction
        {
            ChainId = fixture.Node.ChainId,
            Nonce = await rpc.GetTransactionCountAsync(faucet.Address),
            GasPrice = await rpc.GasPriceAsync() * 2,
            GasLimit = 21_000,
            To = key.Address,
            Value = BigInteger.Pow(10, 18),
        };
        var hash = await rpc.SendRawTransactionAsync(tx.Sign(faucet).ToArray());
        var receipt = await rpc.WaitForReceiptAsync(hash, PollInterval, MiningTimeout);
        Assert.True(receipt.Succeeded);

        return key;
    }

    /// <summary>CREATE address: the last 20 bytes of keccak256(rlp([sender, nonce])) (Yellow Paper, section 7).</summary>
    private static Address ExpectedCreateAddress(Address sender, ulong nonce)
    {
        var encoded = RlpItem.List(RlpItem.FromBytes(sender.ToArray()), RlpItem.FromUInt64(nonce)).Encode();
        return new Address(Keccak256.Hash(encoded).AsSpan(12));
    }
}
