using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class EthRpcClientEthTests : IDisposable
{
    private static readonly Address Sender = Address.Parse(RpcSamples.Sender);
    private static readonly Address Registry = Address.Parse(RpcSamples.Registry);
    private static readonly Hash32 TxHash = Hash32.Parse(RpcSamples.TxHash);
    private static readonly Hash32 OtherHash = Hash32.Parse("0x" + new string('4', 64));

    private readonly FakeRpcHandler _node = new();

    public void Dispose() => _node.Dispose();

    private string Params => _node.LastRequest.GetProperty("params").GetRawText();

    private string Method => _node.LastRequest.GetProperty("method").GetString()!;

    [Fact]
    public async Task ChainIdAsync_and_BlockNumberAsync_read_quantities()
    {
        var client = _node.Result("\"0x7a69\"").Result("\"0x1b4\"").CreateClient();

        Assert.Equal(31337UL, await client.ChainIdAsync());
        Assert.Equal(436UL, await client.BlockNumberAsync());
        Assert.Equal("eth_blockNumber", Method);
    }

    [Fact]
    public async Task GetBalanceAsync_sends_the_lower_case_address_and_reads_a_256_bit_balance()
    {
        var client = _node.Result("\"0x21e19e0c9bab2400000\"").Result("\"0x0\"").CreateClient();

        var balance = await client.GetBalanceAsync(Sender);
        Assert.Equal($"""["{RpcSamples.Sender}","latest"]""", Params);
        Assert.Equal(BigInteger.Parse("10000000000000000000000", System.Globalization.CultureInfo.InvariantCulture), balance);

        await client.GetBalanceAsync(Sender, 5);
        Assert.Equal($"""["{RpcSamples.Sender}","0x5"]""", Params);
    }

    [Fact]
    public async Task GetTransactionCountAsync_defaults_to_pending()
    {
        var client = _node.Result("\"0x7\"").Result("\"0x6\"").CreateClient();

        Assert.Equal(7UL, await client.GetTransactionCountAsync(Sender));
        Assert.Equal($"""["{RpcSamples.Sender}","pending"]""", Params);

        Assert.Equal(6UL, await client.GetTransactionCountAsync(Sender, BlockParameter.Latest));
        Assert.Equal($"""["{RpcSamples.Sender}","latest"]""", Params);
    }

    [Fact]
    public async Task GasPriceAsync_and_MaxPriorityFeePerGasAsync_read_wei()
    {
        var client = _node.Result("\"0x3b9aca00\"").Result("\"0x59682f00\"").CreateClient();

        Assert.Equal(new BigInteger(1_000_000_000), await client.GasPriceAsync());
        Assert.Equal(new BigInteger(1_500_000_000), await client.MaxPriorityFeePerGasAsync());
        Assert.Equal("eth_maxPriorityFeePerGas", Method);
    }

    [Fact]
    public async Task FeeHistoryAsync_sends_a_quantity_block_count_and_numeric_percentiles()
    {
        var client = _node.Result("""
            {"oldestBlock":"0x1b1","baseFeePerGas":["0x3b9aca00","0x3b9aca01","0x3b9aca02"],
             "gasUsedRatio":[0.5,0.25],"reward":[["0x1","0x2"],["0x3","0x4"]]}
            """).CreateClient();

        var history = await client.FeeHistoryAsync(2, BlockParameter.Latest, [25, 75.5]);

        Assert.Equal("""["0x2","latest",[25,75.5]]""", Params);
        Assert.Equal(0x1b1UL, history.OldestBlock);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal([0.5, 0.25], history.GasUsedRatio);
        Assert.Equal(new BigInteger(4), history.Reward[1][1]);
    }

    [Fact]
    public async Task FeeHistoryAsync_without_percentiles_has_an_empty_reward_list()
    {
        var client = _node.Result("""{"oldestBlock":"0x1","baseFeePerGas":["0x1","0x1"],"gasUsedRatio":[0]}""").CreateClient();

        var history = await client.FeeHistoryAsync(1, 1, []);

        Assert.Equal("""["0x1","0x1",[]]""", Params);
        Assert.Empty(history.Reward);
    }

    [Fact]
    public async Task EstimateGasAsync_sends_the_call_object_with_input_and_data_and_leaves_out_unset_fields()
    {
        var client = _node.Result("\"0x5208\"").CreateClient();

        var gas = await client.EstimateGasAsync(new CallRequest
        {
            From = Sender,
            To = Registry,
            Value = BigInteger.One << 64,
            Data = new byte[] { 0xab, 0xcd },
        });

        Assert.Equal(21000UL, gas);
        Assert.Equal(
            $$"""[{"from":"{{RpcSamples.Sender}}","to":"{{RpcSamples.Registry}}","value":"0x10000000000000000","input":"0xabcd","data":"0xabcd"}]""",
            Params);
    }

    [Fact]
    public async Task CallAsync_sends_the_block_and_returns_the_output_bytes()
    {
        var client = _node.Result("\"0x0000000000000000000000000000000000000000000000000000000000000001\"").CreateClient();

        var output = await client.CallAsync(new CallRequest { To = Registry, Data = new byte[] { 1 }, Gas = 100_000 }, 7);

        Assert.Equal($$"""[{"to":"{{RpcSamples.Registry}}","gas":"0x186a0","input":"0x01","data":"0x01"},"0x7"]""", Params);
        Assert.Equal(32, output.Length);
        Assert.Equal(1, output[31]);
    }

    [Fact]
    public async Task CallAsync_rejects_odd_length_output()
    {
        var client = _node.Result("\"0x123\"").CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.CallAsync(new CallRequest { To = Registry }));
    }

    [Fact]
    public async Task SendRawTransactionAsync_sends_hex_and_returns_the_hash()
    {
        byte[] raw = [0x02, 0xf8, 0x6c];
        var expected = new Hash32(Keccak256.Hash(raw));
        var client = _node.Result($"\"{expected}\"").CreateClient();

        var hash = await client.SendRawTransactionAsync(raw);

        Assert.Equal("eth_sendRawTransaction", Method);
        Assert.Equal("""["0x02f86c"]""", Params);
        Assert.Equal(expected, hash);
    }

    [Fact]
    public async Task SendRawTransactionAsync_rejects_a_hash_that_is_not_the_hash_of_the_raw_bytes()
    {
        var client = _node.Result($"\"{RpcSamples.TxHash}\"").CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.SendRawTransactionAsync(new byte[] { 0x02, 0xf8, 0x6c }));

        Assert.Equal("eth_sendRawTransaction", ex.Method);
        Assert.Contains(RpcSamples.TxHash, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTransactionReceiptAsync_rejects_the_receipt_of_another_transaction()
    {
        var client = _node.Result(RpcSamples.Receipt).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetTransactionReceiptAsync(OtherHash));

        Assert.Equal("eth_getTransactionReceipt", ex.Method);
    }

    [Fact]
    public async Task GetTransactionByHashAsync_rejects_another_transaction()
    {
        var client = _node.Result(RpcSamples.Transaction).CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetTransactionByHashAsync(OtherHash));
    }

    [Fact]
    public async Task GetBlockByHashAsync_rejects_another_block()
    {
        var client = _node.Result(RpcSamples.Block("[]")).CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetBlockByHashAsync(OtherHash));
    }

    [Fact]
    public async Task GetTransactionReceiptAsync_returns_null_while_not_mined()
    {
        var client = _node.Result("null").CreateClient();

        Assert.Null(await client.GetTransactionReceiptAsync(TxHash));
        Assert.Equal($"""["{RpcSamples.TxHash}"]""", Params);
    }

    [Fact]
    public async Task GetTransactionReceiptAsync_reads_every_field_and_the_logs()
    {
        var client = _node.Result(RpcSamples.Receipt).CreateClient();

        var receipt = await client.GetTransactionReceiptAsync(TxHash);

        Assert.NotNull(receipt);
        Assert.Equal(TxHash, receipt.TransactionHash);
        Assert.Equal(Hash32.Parse(RpcSamples.BlockHash), receipt.BlockHash);
        Assert.Equal(436UL, receipt.BlockNumber);
        Assert.True(receipt.Succeeded);
        Assert.Equal(0xb2c4UL, receipt.GasUsed);
        Assert.Equal(new BigInteger(1_000_000_000), receipt.EffectiveGasPrice);
        Assert.Equal(Sender, receipt.From);
        Assert.Equal(Registry, receipt.To);
        Assert.Null(receipt.ContractAddress);
        Assert.Equal(2UL, receipt.Type);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(Registry, log.Address);
        Assert.Equal([Hash32.Parse(RpcSamples.Topic0), Hash32.Parse(RpcSamples.Topic1)], log.Topics);
        Assert.Equal(0xff, log.Data.Span[31]);
        Assert.Equal(2UL, log.LogIndex);
        Assert.False(log.Removed);
    }

    [Fact]
    public async Task A_failed_transaction_has_status_0()
    {
        var client = _node.Result(RpcSamples.Receipt.Replace("\"status\":\"0x1\"", "\"status\":\"0x0\"", StringComparison.Ordinal)).CreateClient();

        var receipt = await client.GetTransactionReceiptAsync(TxHash);

        Assert.False(receipt!.Succeeded);
    }

    [Fact]
    public async Task A_contract_creation_receipt_has_a_contract_address_and_no_recipient()
    {
        var json = RpcSamples.Receipt
            .Replace($"\"to\":\"{RpcSamples.Registry}\"", "\"to\":null", StringComparison.Ordinal)
            .Replace("\"contractAddress\":null", $"\"contractAddress\":\"{RpcSamples.Registry}\"", StringComparison.Ordinal);
        var client = _node.Result(json).CreateClient();

        var receipt = await client.GetTransactionReceiptAsync(TxHash);

        Assert.Null(receipt!.To);
        Assert.Equal(Registry, receipt.ContractAddress);
    }

    [Theory]
    [InlineData("\"status\":\"0x1\",", "")]
    [InlineData("\"blockNumber\":\"0x1b4\",", "\"blockNumber\":\"0x01b4z\",")]
    [InlineData("\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\"", "\"from\":\"f39fd6e51aad88f6f4ce6ab8827279cfffb92266\"")]
    [InlineData("\"effectiveGasPrice\":\"0x3b9aca00\"", "\"effectiveGasPrice\":1000000000")]
    [InlineData("\"logIndex\":\"0x2\"", "\"logIndex\":\"2\"")]
    public async Task A_receipt_with_a_missing_or_malformed_field_is_a_transport_error(string field, string replacement)
    {
        var json = RpcSamples.Receipt.Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(RpcSamples.Receipt, json);
        var client = _node.Result(json).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetTransactionReceiptAsync(TxHash));

        Assert.Equal("eth_getTransactionReceipt", ex.Method);
    }

    [Fact]
    public async Task GetTransactionByHashAsync_reads_the_transaction()
    {
        var client = _node.Result(RpcSamples.Transaction).Result("null").CreateClient();

        var tx = await client.GetTransactionByHashAsync(TxHash);

        Assert.NotNull(tx);
        Assert.Equal(7UL, tx.Nonce);
        Assert.Equal(Sender, tx.From);
        Assert.Equal(2UL, tx.Type);
        Assert.Equal(31337UL, tx.ChainId);
        Assert.Equal([0xab, 0xcd, 0xef], tx.Input.ToArray());
        Assert.Null(await client.GetTransactionByHashAsync(TxHash));
    }

    [Fact]
    public async Task GetBlockByNumberAsync_sends_number_and_flag_and_reads_the_header_and_hashes()
    {
        var client = _node.Result(RpcSamples.Block($"[\"{RpcSamples.TxHash}\"]")).CreateClient();

        var block = await client.GetBlockByNumberAsync(436);

        Assert.Equal("eth_getBlockByNumber", Method);
        Assert.Equal("""["0x1b4",false]""", Params);
        Assert.NotNull(block);
        Assert.Equal(436UL, block.Number);
        Assert.Equal(Hash32.Parse(RpcSamples.BlockHash), block.Hash);
        Assert.Equal(Hash32.Parse(RpcSamples.ParentHash), block.ParentHash);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), block.Time);
        Assert.Equal(new BigInteger(1_000_000_000), block.BaseFeePerGas);
        Assert.Equal(30_000_000UL, block.GasLimit);
        Assert.Equal(0xb2c4UL, block.GasUsed);
        Assert.Equal([TxHash], block.TransactionHashes);
        Assert.Null(block.Transactions);
    }

    [Fact]
    public async Task GetBlockByNumberAsync_with_full_transactions_reads_them_and_their_hashes()
    {
        var client = _node.Result(RpcSamples.Block($"[{RpcSamples.Transaction}]")).CreateClient();

        var block = await client.GetBlockByNumberAsync(BlockParameter.Latest, fullTransactions: true);

        Assert.Equal("""["latest",true]""", Params);
        Assert.Equal([TxHash], block!.TransactionHashes);
        Assert.Equal(Registry, Assert.Single(block.Transactions!).To);
    }

    [Fact]
    public async Task A_block_timestamp_at_the_end_of_year_9999_is_read()
    {
        var client = _node.Result(RpcSamples.Block("[]").Replace("0x6553f100", "0x3afff4417f", StringComparison.Ordinal)).CreateClient();

        var block = await client.GetBlockByNumberAsync(436);

        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), block!.Time);
    }

    [Theory]
    [InlineData("0x3afff44180")]
    [InlineData("0x222222222225")]
    [InlineData("0x7fffffffffffffff")]
    [InlineData("0xffffffffffffffff")]
    public async Task A_block_timestamp_beyond_year_9999_is_a_transport_error(string timestamp)
    {
        var client = _node.Result(RpcSamples.Block("[]").Replace("0x6553f100", timestamp, StringComparison.Ordinal)).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetBlockByNumberAsync(436));

        Assert.Contains("timestamp", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_in_the_wrong_transaction_shape_is_a_transport_error()
    {
        var client = _node.Result(RpcSamples.Block($"[{RpcSamples.Transaction}]")).CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetBlockByNumberAsync(1, fullTransactions: false));
    }

    [Fact]
    public async Task GetBlockByHashAsync_returns_null_for_an_unknown_hash()
    {
        var client = _node.Result("null").CreateClient();

        Assert.Null(await client.GetBlockByHashAsync(Hash32.Parse(RpcSamples.BlockHash)));
        Assert.Equal("eth_getBlockByHash", Method);
        Assert.Equal($"""["{RpcSamples.BlockHash}",false]""", Params);
    }

    [Fact]
    public async Task GetLogsAsync_sends_the_filter_and_reads_the_logs()
    {
        var client = _node.Result($"[{RpcSamples.Log}]").CreateClient();

        var logs = await client.GetLogsAsync(new LogFilter
        {
            FromBlock = 0,
            ToBlock = BlockParameter.Latest,
            Addresses = [Registry],
            Topics = [[Hash32.Parse(RpcSamples.Topic0)], null, [Hash32.Parse(RpcSamples.Topic1), Hash32.Zero]],
        });

        Assert.Equal(
            $$"""[{"fromBlock":"0x0","toBlock":"latest","address":"{{RpcSamples.Registry}}","topics":["{{RpcSamples.Topic0}}",null,["{{RpcSamples.Topic1}}","{{Hash32.Zero}}"]]}]""",
            Params);
        var log = Assert.Single(logs);
        Assert.Equal(436UL, log.BlockNumber);
        Assert.Equal(TxHash, log.TransactionHash);
    }

    [Fact]
    public async Task GetLogsAsync_with_a_null_result_is_a_transport_error()
    {
        var client = _node.Result("null").CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.GetLogsAsync(new LogFilter()));
        Assert.Equal("""[{}]""", Params);
    }

    [Fact]
    public async Task WaitForReceiptAsync_polls_until_the_receipt_appears()
    {
        var client = _node.Result("null").Result("null").Result(RpcSamples.Receipt).CreateClient();

        var receipt = await client.WaitForReceiptAsync(TxHash, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10));

        Assert.Equal(TxHash, receipt.TransactionHash);
        Assert.Equal(3, _node.RequestBodies.Count);
    }

    [Fact]
    public async Task WaitForReceiptAsync_gives_up_with_a_ReceiptTimeoutException_that_is_an_EthRpcTimeoutException()
    {
        for (int i = 0; i < 100; i++)
        {
            _node.Result("null");
        }

        var client = _node.CreateClient();

        var ex = await Assert.ThrowsAsync<ReceiptTimeoutException>(
            () => client.WaitForReceiptAsync(TxHash, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(60)));

        Assert.IsAssignableFrom<EthRpcTimeoutException>(ex);
        Assert.Equal(TxHash, ex.TransactionHash);
        Assert.Equal(TimeSpan.FromMilliseconds(60), ex.Timeout);
        Assert.Equal("eth_getTransactionReceipt", ex.Method);
        Assert.Contains(RpcSamples.TxHash, ex.Message, StringComparison.Ordinal);
        Assert.InRange(_node.RequestBodies.Count, 2, 10);
    }

    [Fact]
    public async Task An_http_timeout_while_waiting_for_a_receipt_is_not_a_ReceiptTimeoutException()
    {
        var client = _node.Result("null").Hang().CreateClient(TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAsync<EthRpcTimeoutException>(
            () => client.WaitForReceiptAsync(TxHash, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(30)));

        Assert.IsNotType<ReceiptTimeoutException>(ex);
    }

    [Fact]
    public async Task WaitForReceiptAsync_rejects_the_receipt_of_another_transaction()
    {
        var client = _node.Result("null").Result(RpcSamples.Receipt).CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(
            () => client.WaitForReceiptAsync(OtherHash, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitForReceiptAsync_makes_one_last_poll_at_the_deadline_instead_of_spinning()
    {
        var client = _node.Result("null").Result("null").Result("null").CreateClient();

        await Assert.ThrowsAsync<ReceiptTimeoutException>(
            () => client.WaitForReceiptAsync(TxHash, TimeSpan.FromSeconds(1), TimeSpan.Zero));

        Assert.Equal(2, _node.RequestBodies.Count);
    }

    [Fact]
    public async Task WaitForReceiptAsync_stops_when_the_caller_cancels()
    {
        for (int i = 0; i < 100; i++)
        {
            _node.Result("null");
        }

        var client = _node.CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.WaitForReceiptAsync(TxHash, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan, cts.Token));
    }

    [Fact]
    public async Task WaitForReceiptAsync_rejects_a_non_positive_poll_interval()
    {
        var client = _node.CreateClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => client.WaitForReceiptAsync(TxHash, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_node_error_during_WaitForReceiptAsync_is_not_swallowed()
    {
        var client = _node.Result("null").Error(-32000, "header not found").CreateClient();

        await Assert.ThrowsAsync<EthRpcException>(
            () => client.WaitForReceiptAsync(TxHash, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10)));
        Assert.Equal(JsonValueKind.Array, _node.LastRequest.GetProperty("params").ValueKind);
    }
}
