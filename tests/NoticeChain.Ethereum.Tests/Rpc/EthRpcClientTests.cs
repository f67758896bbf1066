using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class EthRpcClientTests : IDisposable
{
    private readonly FakeRpcHandler _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public async Task A_request_is_a_json_rpc_2_0_object_with_id_method_and_params()
    {
        var client = _node.Result("\"0x7a69\"").CreateClient();

        await client.ChainIdAsync();

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", _node.RequestBodies[0]);
    }

    [Fact]
    public async Task Each_request_gets_a_new_id()
    {
        var client = _node.Result("\"0x1\"").Result("\"0x2\"").CreateClient();

        await client.BlockNumberAsync();
        await client.BlockNumberAsync();

        var ids = _node.RequestBodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_json_rpc_error_becomes_EthRpcException_with_code_message_and_decoded_revert_data()
    {
        // AnchorAlreadyExists(bytes32) style custom error: selector + one word.
        const string revertData = "0x3f6cc768" + "00000000000000000000000000000000000000000000000000000000000000ab";
        var client = _node.Error(3, "execution reverted", $"\"{revertData}\"").CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.CallAsync(new CallRequest()));

        Assert.Equal(3, ex.Code);
        Assert.True(ex.IsExecutionReverted);
        Assert.Equal("execution reverted", ex.Message);
        Assert.Equal("eth_call", ex.Method);
        Assert.Equal($"\"{revertData}\"", ex.DataJson);
        Assert.Equal(Convert.FromHexString(revertData[2..]), ex.DataBytes!.Value.ToArray());
    }

    [Fact]
    public async Task Error_data_that_is_not_hex_is_kept_as_raw_json_only()
    {
        var client = _node.Error(-32000, "insufficient funds", """{"detail":"x"}""").CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.BlockNumberAsync());

        Assert.Equal(-32000, ex.Code);
        Assert.Equal("""{"detail":"x"}""", ex.DataJson);
        Assert.Null(ex.DataBytes);
        Assert.False(ex.IsExecutionReverted);
    }

    [Fact]
    public async Task An_error_without_data_has_no_data()
    {
        var client = _node.Error(-32601, "the method eth_foo does not exist").CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.SendAsync("eth_foo", null));

        Assert.Equal(-32601, ex.Code);
        Assert.Null(ex.DataJson);
        Assert.Null(ex.DataBytes);
    }

    [Fact]
    public async Task An_error_with_a_null_id_is_still_the_nodes_error()
    {
        var client = _node.Raw("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}""").CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.ChainIdAsync());

        Assert.Equal(-32700, ex.Code);
    }

    [Fact]
    public async Task Http_500_is_a_transport_error_with_the_status_code()
    {
        var client = _node.Raw("upstream exploded", HttpStatusCode.InternalServerError).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("eth_chainId", ex.Method);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error()
    {
        var client = _node.ConnectionRefused().CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Null(ex.StatusCode);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":")]
    [InlineData("<html>Bad Gateway</html>")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}")]
    public async Task Malformed_json_is_a_transport_error(string body)
    {
        var client = _node.Raw(body).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.Null(ex.StatusCode);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":99,\"error\":{\"code\":-1,\"message\":\"x\"}}")]
    public async Task A_response_id_that_does_not_match_the_request_is_a_transport_error(string body)
    {
        var client = _node.Raw(body).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.Contains("id", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":1,\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"result\":\"0x1\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\",\"error\":{\"code\":1,\"message\":\"x\"}}")]
    public async Task A_response_that_breaks_the_json_rpc_2_0_envelope_is_a_transport_error(string body)
    {
        var client = _node.Raw(body).CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());
    }

    [Fact]
    public async Task An_explicit_null_error_next_to_a_result_is_accepted()
    {
        var client = _node.Raw("""{"jsonrpc":"2.0","id":1,"result":"0x7a69","error":null}""").CreateClient();

        Assert.Equal(31337UL, await client.ChainIdAsync());
    }

    [Theory]
    [InlineData("\"0x\"")]
    [InlineData("\"7a69\"")]
    [InlineData("31337")]
    [InlineData("null")]
    [InlineData("\"0x10000000000000000\"")]
    public async Task A_malformed_quantity_result_is_a_transport_error_naming_the_method(string result)
    {
        var client = _node.Result(result).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.Equal("eth_chainId", ex.Method);
        Assert.Contains("eth_chainId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_http_timeout_becomes_EthRpcTimeoutException()
    {
        var client = _node.Hang().CreateClient(TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAsync<EthRpcTimeoutException>(() => client.BlockNumberAsync());

        Assert.Equal("eth_blockNumber", ex.Method);
    }

    [Fact]
    public async Task Caller_cancellation_propagates_as_OperationCanceledException_not_as_a_timeout()
    {
        var client = _node.Hang().CreateClient(TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.BlockNumberAsync(cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var client = _node.CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ChainIdAsync(new CancellationToken(canceled: true)));

        Assert.Empty(_node.RequestBodies);
    }

    [Fact]
    public async Task SendAsync_with_a_JsonArray_sends_the_params_verbatim_and_returns_raw_json()
    {
        var client = _node.Result("null").Result("\"0x1\"").CreateClient();

        var mined = await client.SendAsync("anvil_mine", new JsonArray("0x5", "0xc"));
        var snapshot = await client.SendAsync("evm_snapshot", null);

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"anvil_mine","params":["0x5","0xc"]}""", _node.RequestBodies[0]);
        Assert.Equal(JsonValueKind.Null, mined.ValueKind);
        Assert.Equal("""{"jsonrpc":"2.0","id":2,"method":"evm_snapshot","params":[]}""", _node.RequestBodies[1]);
        Assert.Equal(1UL, Quantity.ParseUInt64(snapshot.GetString()));
    }

    [Fact]
    public async Task SendAsync_with_a_source_generated_type_deserializes_the_result()
    {
        var client = _node.Result("true").Result("[1,2]").CreateClient();

        var reverted = await client.SendAsync("evm_revert", new JsonArray("0x1"), TestJsonContext.Default.Boolean);
        var numbers = await client.SendAsync("custom_numbers", null, TestJsonContext.Default.Int32Array);

        Assert.True(reverted);
        Assert.NotNull(numbers);
        Assert.Equal([1, 2], numbers);
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_for_a_source_generated_type_is_a_transport_error()
    {
        var client = _node.Result("\"yes\"").CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(
            () => client.SendAsync("evm_revert", new JsonArray("0x1"), TestJsonContext.Default.Boolean));
    }

    [Fact]
    public async Task Exception_messages_do_not_reveal_the_endpoint()
    {
        using var http = new HttpClient(_node.Raw("nope", HttpStatusCode.BadGateway), disposeHandler: false);
        var client = new EthRpcClient(http, new Uri("https://node.example/v3/secret-api-key"));

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.DoesNotContain("secret-api-key", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_messages_scrub_path_query_and_user_info_even_when_the_http_stack_names_them()
    {
        const string url = "https://alice:hunter2@node.example/v3/secret-api-key?token=t0ps3cret";
        var inner = new IOException("Connection reset while posting to /v3/secret-api-key?token=t0ps3cret");
        _node.Throw(new HttpRequestException($"Request to {url} failed.", inner));
        using var http = new HttpClient(_node, disposeHandler: false);
        var client = new EthRpcClient(http, new Uri(url));

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        var text = ex.ToString();
        Assert.DoesNotContain("secret-api-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("t0ps3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("node.example", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    public static TheoryData<string> InvalidUtf8Answers => new()
    {
        """{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"x","data":"\xff"}}""",
        """{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"x","data":{"reason":"\xff"}}}""",
        """{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"\xff"}}""",
        """{"jsonrpc":"2.0","id":"\xff","result":"0x1"}""",
        """{"jsonrpc":"2.0","id":"\xff","error":{"code":3,"message":"x"}}""",
        """{"jsonrpc":"2.0","id":1,"result":"\xff"}""",
        """{"jsonrpc":"\xff","id":1,"result":"0x1"}""",
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Answers))]
    public async Task An_answer_that_is_not_valid_utf8_is_a_transport_error(string template)
    {
        var client = _node.RawBytes(WithByteFF(template)).CreateClient();

        await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_json_rpc_error_in_a_non_2xx_answer_is_the_nodes_error(HttpStatusCode status)
    {
        var client = _node
            .Raw("""{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"rate limit exceeded"}}""", status)
            .CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.ChainIdAsync());

        Assert.Equal(-32005, ex.Code);
        Assert.Equal("rate limit exceeded", ex.Message);
        Assert.Equal("eth_chainId", ex.Method);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public async Task A_json_rpc_error_in_a_200_answer_has_no_status_code()
    {
        var client = _node.Error(-32000, "nonce too low").CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcException>(() => client.ChainIdAsync());

        Assert.Null(ex.StatusCode);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":"0x1"}""")]
    [InlineData("""{"error":{"code":-32005,"message":"rate limit exceeded"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":"rate limit exceeded"}""")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"x"}}]""")]
    [InlineData("Too Many Requests")]
    public async Task A_non_2xx_answer_without_a_json_rpc_error_object_stays_a_transport_error(string body)
    {
        var client = _node.Raw(body, HttpStatusCode.TooManyRequests).CreateClient();

        var ex = await Assert.ThrowsAsync<EthRpcTransportException>(() => client.ChainIdAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
    }

    [Fact]
    public void The_constructor_rejects_a_relative_endpoint()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new EthRpcClient(http, new Uri("/rpc", UriKind.Relative)));
    }

    // Turns each \xff in the template into the single byte 0xff, which is never valid in UTF-8.
    internal static byte[] WithByteFF(string template)
    {
        var parts = template.Split(@"\xff");
        var bytes = new List<byte>(System.Text.Encoding.UTF8.GetBytes(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            bytes.Add(0xff);
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(part));
        }

        return [.. bytes];
    }
}

[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int[]))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
