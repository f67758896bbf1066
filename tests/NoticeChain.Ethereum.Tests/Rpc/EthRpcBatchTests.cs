using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class EthRpcBatchTests : IDisposable
{
    private static readonly Hash32 Mined = Hash32.Parse(RpcSamples.TxHash);
    private static readonly Hash32 Pending = Hash32.Parse("0x" + new string('2', 64));
    private static readonly Hash32 Broken = Hash32.Parse("0x" + new string('3', 64));

    private readonly FakeRpcHandler _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task A_batch_is_sent_as_one_json_array_with_distinct_ids()
    {
        var client = _node.Respond(request => Answer(request, (id, _) => Ok(id, "\"0x1\""))).CreateClient();
        var batch = new EthRpcBatch();
        batch.Add(EthCalls.ChainId());
        batch.Add(EthCalls.BlockNumber());
        batch.Add(RpcCall.Create("anvil_mine", new JsonArray("0x1")));

        await client.SendBatchAsync(batch);

        Assert.Single(_node.RequestBodies);
        Assert.Equal(
            """[{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]},{"jsonrpc":"2.0","id":2,"method":"eth_blockNumber","params":[]},{"jsonrpc":"2.0","id":3,"method":"anvil_mine","params":["0x1"]}]""",
            _node.RequestBodies[0]);
    }

    [Fact]
    public async Task Out_of_order_responses_are_matched_by_id_and_errors_stay_with_their_item()
    {
        var client = _node.Respond(request => Answer(request, (id, parameters) => parameters switch
        {
            _ when parameters.Contains(Mined.ToString(), StringComparison.Ordinal) => Ok(id, RpcSamples.Receipt),
            _ when parameters.Contains(Pending.ToString(), StringComparison.Ordinal) => Ok(id, "null"),
            _ => $$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":-32000,"message":"boom","data":"0x01"}}""",
        }, reverse: true)).CreateClient();

        var items = await client.GetTransactionReceiptsAsync([Mined, Pending, Broken]);

        Assert.Equal(3, items.Count);
        Assert.Equal(Mined, items[0].Value!.TransactionHash);
        Assert.True(items[1].Succeeded);
        Assert.Null(items[1].Value);
        Assert.False(items[2].Succeeded);
        var error = Assert.IsType<EthRpcException>(items[2].Error);
        Assert.Equal(-32000, error.Code);
        Assert.Equal("eth_getTransactionReceipt", error.Method);
        Assert.Equal([0x01], error.DataBytes!.Value.ToArray());
        Assert.Same(error, Assert.Throws<EthRpcException>(() => items[2].Value));
    }

    [Fact]
    public async Task A_malformed_result_fails_only_its_own_item()
    {
        var client = _node.Respond(request => Answer(request, (id, _) => id == 1 ? Ok(id, "\"0x7a69\"") : Ok(id, "\"0x\""))).CreateClient();
        var batch = new EthRpcBatch();
        var chainId = batch.Add(EthCalls.ChainId());
        var blockNumber = batch.Add(EthCalls.BlockNumber());

        await client.SendBatchAsync(batch);

        Assert.Equal(31337UL, chainId.Value);
        Assert.IsType<EthRpcTransportException>(blockNumber.Error);
        Assert.Throws<EthRpcTransportException>(() => blockNumber.Value);
    }

    [Fact]
    public async Task An_item_the_node_did_not_answer_gets_a_transport_error()
    {
        var client = _node.Respond(request => $"[{Ok(request[0].GetProperty("id").GetInt64(), "\"0x1\"")}]").CreateClient();
        var batch = new EthRpcBatch();
        var first = batch.Add(EthCalls.ChainId());
        var second = batch.Add(EthCalls.BlockNumber());

        await client.SendBatchAsync(batch);

        Assert.Equal(1UL, first.Value);
        var error = Assert.IsType<EthRpcTransportException>(second.Error);
        Assert.Equal("eth_blockNumber", error.Method);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":7,"result":"0x1"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x2"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":null,"result":"0x2"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},null]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":2}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":"0x1"}""")]
    [InlineData("garbage")]
    public async Task A_batch_response_with_unknown_duplicate_or_malformed_entries_fails_as_a_whole(string body)
    {
        var client = _node.Raw(body).CreateClient();
        var batch = new EthRpcBatch();
        var first = batch.Add(EthCalls.ChainId());
        batch.Add(EthCalls.BlockNumber());

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.SendBatchAsync(batch));

        Assert.Null(ex.Method);
        Assert.False(first.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => first.Value);
    }

    [Fact]
    public async Task A_single_error_object_for_the_whole_batch_is_an_EthRpcException()
    {
        var client = _node.Raw("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}""").CreateClient();
        var batch = new EthRpcBatch();
        batch.Add(EthCalls.ChainId());

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.SendBatchAsync(batch));

        Assert.Equal(-32600, ex.Code);
        Assert.Null(ex.Method);
    }

    [Fact]
    public async Task A_batch_answer_with_an_id_that_is_not_valid_utf8_fails_as_a_whole()
    {
        var client = _node.RawBytes(EthRpcClientTests.WithByteFF("""[{"jsonrpc":"2.0","id":"\xff","result":"0x1"}]""")).CreateClient();
        var batch = new EthRpcBatch();
        var first = batch.Add(EthCalls.ChainId());

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.SendBatchAsync(batch));

        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task Error_data_that_is_not_valid_utf8_fails_only_its_own_item()
    {
        var client = _node
            .RawBytes(EthRpcClientTests.WithByteFF(
                """[{"jsonrpc":"2.0","id":1,"result":"0x7a69"},{"jsonrpc":"2.0","id":2,"error":{"code":3,"message":"x","data":"\xff"}}]"""))
            .CreateClient();
        var batch = new EthRpcBatch();
        var chainId = batch.Add(EthCalls.ChainId());
        var blockNumber = batch.Add(EthCalls.BlockNumber());

        await client.SendBatchAsync(batch);

        Assert.Equal(31337UL, chainId.Value);
        var error = Assert.IsType<EthRpcTransportException>(blockNumber.Error);
        Assert.Equal("eth_blockNumber", error.Method);
    }

    [Fact]
    public async Task A_batch_refused_with_a_json_rpc_error_in_an_http_429_answer_is_an_EthRpcException()
    {
        var client = _node
            .Raw("""{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"rate limit exceeded"}}""", HttpStatusCode.TooManyRequests)
            .CreateClient();
        var batch = new EthRpcBatch();
        var first = batch.Add(EthCalls.ChainId());

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.SendBatchAsync(batch));

        Assert.Equal(-32005, ex.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Null(ex.Method);
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task A_batched_sendRawTransaction_whose_hash_is_not_the_hash_of_the_raw_bytes_fails_its_item()
    {
        byte[] raw = [0x02, 0xf8, 0x6c];
        var client = _node.Respond(request => Answer(request, (id, _) => Ok(id, $"\"{RpcSamples.TxHash}\""))).CreateClient();
        var batch = new EthRpcBatch();
        var sent = batch.Add(EthCalls.SendRawTransaction(raw));

        await client.SendBatchAsync(batch);

        Assert.IsType<EthRpcTransportException>(sent.Error);
    }

    [Fact]
    public async Task Http_errors_and_timeouts_apply_to_the_whole_batch()
    {
        var client = _node.Raw("", HttpStatusCode.ServiceUnavailable).Hang().CreateClient(TimeSpan.FromMilliseconds(100));
        var first = new EthRpcBatch();
        first.Add(EthCalls.ChainId());
        var second = new EthRpcBatch();
        second.Add(EthCalls.ChainId());

        var http = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.SendBatchAsync(first));
        await Assert.ThrowsAsync<EthRpcTimeoutException>(() => client.SendBatchAsync(second));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, http.StatusCode);
    }

    [Fact]
    public async Task An_empty_batch_sends_nothing()
    {
        var client = _node.CreateClient();

        await client.SendBatchAsync(new EthRpcBatch());
        var receipts = await client.GetTransactionReceiptsAsync([]);

        Assert.Empty(receipts);
        Assert.Empty(_node.RequestBodies);
    }

    [Fact]
    public async Task A_batch_is_sent_only_once_and_cannot_grow_afterwards()
    {
        var client = _node.Respond(request => Answer(request, (id, _) => Ok(id, "\"0x1\""))).CreateClient();
        var batch = new EthRpcBatch();
        batch.Add(EthCalls.ChainId());
        await client.SendBatchAsync(batch);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendBatchAsync(batch));
        Assert.Throws<InvalidOperationException>(() => batch.Add(EthCalls.ChainId()));
    }

    [Fact]
    public void An_item_has_no_value_before_the_batch_is_sent()
    {
        var item = new EthRpcBatch().Add(EthCalls.ChainId());

        Assert.False(item.IsCompleted);
        Assert.False(item.Succeeded);
        Assert.Throws<InvalidOperationException>(() => item.Value);
    }

    // Answers every request of a batch with answer(id, params raw JSON), optionally in reverse order.
    private static string Answer(JsonElement batch, Func<long, string, string> answer, bool reverse = false)
    {
        var parts = batch.EnumerateArray()
            .Select(r => answer(r.GetProperty("id").GetInt64(), r.GetProperty("params").GetRawText()))
            .ToList();
        if (reverse)
        {
            parts.Reverse();
        }

        return "[" + string.Join(",", parts) + "]";
    }

    private static string Ok(long id, string result) => $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{result}}}""";
}
