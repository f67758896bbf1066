using System.Globalization;
using System.Numerics;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain.Transactions;

/// <summary>Anchoring end to end in each fee mode against a real Anvil configured like the network it stands for
/// (decision 0018): a zero-base-fee chain (Besu with zeroBaseFee), a pre-London chain, an ordinary EIP-1559 chain.</summary>
public sealed class FeeModeAnchoringTests
{
    /// <summary>Besu's free-gas network: base fee 0 and staying 0, no minimum gas price.</summary>
    private static readonly AnvilNodeOptions ZeroFeeChain = new() { BaseFeePerGas = 0, GasPrice = 0 };

    [Fact]
    public async Task Free_fees_anchor_with_keys_that_never_held_ether_on_a_zero_base_fee_chain()
    {
        await using var bed = await FeeModeTestBed.StartAsync(ZeroFeeChain, FeeMode.Free);
        var authorityKey = PrivateKey.Generate();
        var authority = await bed.AddAuthorityAsync(authorityKey);
        var notices = await bed.SubmitAsync(authority, 5);

        await bed.AnchorAllAsync(bed.NewProcessor(), notices);

        var transaction = await bed.AnchorTransactionAsync(notices[0]);
        Assert.Equal((ulong)TransactionType.Eip1559, transaction.Type);
        Assert.Equal((BigInteger.Zero, BigInteger.Zero), (transaction.MaxFeePerGas, transaction.MaxPriorityFeePerGas));
        Assert.Equal(authorityKey.Address, transaction.From);
        Assert.Equal(BigInteger.Zero, await bed.Rpc.GetBalanceAsync(authorityKey.Address));
        Assert.Equal(BigInteger.Zero, await bed.Rpc.GetBalanceAsync(bed.GovernanceKey.Address));
        Assert.Equal(2UL, await bed.Rpc.GetTransactionCountAsync(bed.GovernanceKey.Address));
    }

    [Fact]
    public async Task Free_fees_use_legacy_transactions_at_gas_price_0_on_a_chain_before_London()
    {
        await using var bed = await FeeModeTestBed.StartAsync(new AnvilNodeOptions { Hardfork = "berlin", GasPrice = 0 }, FeeMode.Free);
        var latest = await bed.Rpc.GetBlockByNumberAsync(BlockParameter.Latest);
        Assert.Null(latest!.BaseFeePerGas);
        var authorityKey = PrivateKey.Generate();
        var authority = await bed.AddAuthorityAsync(authorityKey);
        var notices = await bed.SubmitAsync(authority, 3);

        await bed.AnchorAllAsync(bed.NewProcessor(), notices);

        var transaction = await bed.AnchorTransactionAsync(notices[0]);
        Assert.Equal((ulong)TransactionType.Legacy, transaction.Type);
        Assert.Equal(BigInteger.Zero, transaction.GasPrice);
        Assert.Equal(BigInteger.Zero, await bed.Rpc.GetBalanceAsync(authorityKey.Address));
    }

    [Fact]
    public async Task Free_fees_refuse_to_send_on_a_chain_that_charges_a_base_fee()
    {
        await using var node = await AnvilNode.StartAsync();
        using var http = new HttpClient();
        var rpc = new EthRpcClient(http, node.RpcUri);
        using var key = PrivateKey.FromHex(AnvilNode.DevAccountPrivateKeys[0]);
        using var sender = new TransactionSender(rpc, key, node.ChainId, new TransactionSenderOptions { FeeMode = FeeMode.Free });

        var error = await Assert.ThrowsAsync<FeeCapExceededException>(() => sender.SendAsync(key.Address, ReadOnlyMemory<byte>.Empty));

        Assert.True(error.BaseFeePerGas > 0);
        Assert.Equal(BigInteger.Zero, error.MaxFeePerGasCap);
        Assert.Contains("free", error.Message, StringComparison.Ordinal);
        Assert.Equal(0UL, await rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending));
    }

    [Fact]
    public async Task Legacy_fees_anchor_with_EIP_155_legacy_transactions_at_the_node_gas_price()
    {
        await using var bed = await FeeModeTestBed.StartAsync(new AnvilNodeOptions { ChainId = 4242 }, FeeMode.Legacy);
        var authority = await bed.AddAuthorityAsync(PrivateKey.FromHex(AnvilNode.DevAccountPrivateKeys[1]));
        var notices = await bed.SubmitAsync(authority, 4);
        var suggested = await bed.Rpc.GasPriceAsync();

        await bed.AnchorAllAsync(bed.NewProcessor(), notices);

        var transaction = await bed.AnchorTransactionAsync(notices[0]);
        Assert.Equal((ulong)TransactionType.Legacy, transaction.Type);
        Assert.Equal(suggested, transaction.GasPrice);
        Assert.Null(transaction.MaxFeePerGas);
        var wire = await bed.Node.SendAsync("eth_getTransactionByHash", $"[\"{transaction.Hash}\"]");
        var v = ulong.Parse(wire.GetProperty("v").GetString().AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        Assert.Contains(v, new[] { (4242UL * 2) + 35, (4242UL * 2) + 36 });
    }

    [Fact]
    public async Task A_stuck_transaction_on_a_free_chain_is_broadcast_again_unchanged_instead_of_replaced()
    {
        await using var bed = await FeeModeTestBed.StartAsync(ZeroFeeChain, FeeMode.Free);
        var authority = await bed.AddAuthorityAsync(PrivateKey.Generate());
        var notices = await bed.SubmitAsync(authority, 3);
        var processor = bed.NewProcessor();
        await bed.Node.SendAsync("evm_setAutomine", "[false]");
        bed.Time.Advance(bed.Options.BatchWindow);
        Assert.Equal(1, (await processor.RunOnceAsync()).TransactionsSent);
        var stuck = Assert.Single(await bed.Store.ListInFlightAsync());

        bed.Time.Advance(bed.Options.ReplaceAfter);
        var overdue = await processor.RunOnceAsync();

        Assert.Equal((0, 1), (overdue.Replacements, overdue.Rebroadcasts));
        var live = Assert.Single(await bed.Store.ListInFlightAsync());
        Assert.Equal(stuck.Transaction.Hash, live.Transaction.Hash);
        Assert.Empty(live.ReplacedHashes);
        Assert.DoesNotContain(bed.Events, e => e.Kind is AnchoringEventKind.FeeCapReached or AnchoringEventKind.BroadcastRefused);

        await bed.Node.SendAsync("evm_mine");
        await bed.AnchorAllAsync(processor, notices);
        var transaction = await bed.AnchorTransactionAsync(notices[0]);
        Assert.Equal(stuck.Transaction.Hash.ToString(), transaction.Hash.ToString());
    }

    [Fact]
    public async Task A_stuck_legacy_transaction_is_replaced_by_a_legacy_one_with_a_gas_price_at_least_one_eighth_higher()
    {
        await using var bed = await FeeModeTestBed.StartAsync(new AnvilNodeOptions(), FeeMode.Legacy);
        var authority = await bed.AddAuthorityAsync(PrivateKey.FromHex(AnvilNode.DevAccountPrivateKeys[1]));
        var notices = await bed.SubmitAsync(authority, 3);
        var processor = bed.NewProcessor();
        await bed.Node.SendAsync("evm_setAutomine", "[false]");
        bed.Time.Advance(bed.Options.BatchWindow);
        Assert.Equal(1, (await processor.RunOnceAsync()).TransactionsSent);
        var stuck = Assert.Single(await bed.Store.ListInFlightAsync());

        bed.Time.Advance(bed.Options.ReplaceAfter);
        var overdue = await processor.RunOnceAsync();

        Assert.Equal(1, overdue.Replacements);
        Assert.DoesNotContain(bed.Events, e => e.Kind == AnchoringEventKind.BroadcastRefused);
        var live = Assert.Single(await bed.Store.ListInFlightAsync());
        var original = Assert.IsType<LegacyTransaction>(SignedTransaction.Decode(stuck.Transaction.RawTransaction.Span).Transaction);
        var replacement = Assert.IsType<LegacyTransaction>(SignedTransaction.Decode(live.Transaction.RawTransaction.Span).Transaction);
        Assert.Equal((original.Nonce, original.GasLimit), (replacement.Nonce, replacement.GasLimit));
        Assert.Equal(original.Data.ToArray(), replacement.Data.ToArray());
        Assert.True(replacement.GasPrice * 8 >= original.GasPrice * 9);

        await bed.Node.SendAsync("evm_mine");
        await bed.AnchorAllAsync(processor, notices);
        var transaction = await bed.AnchorTransactionAsync(notices[0]);
        Assert.Equal(live.Transaction.Hash.ToString(), transaction.Hash.ToString());
        Assert.Equal(replacement.GasPrice, transaction.GasPrice);
    }
}
