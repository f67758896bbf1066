using System.Net;
using System.Text.Json;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

/// <summary>
/// A FAKE node: an <see cref="HttpMessageHandler"/> that answers from a script. It exists for faults a real
/// node (Anvil) cannot produce on demand — HTTP 500, garbage JSON, wrong ids, hanging, out-of-order batches —
/// and to capture the exact request bodies. Behaviour against a real node is covered by the integration tests.
/// </summary>
internal sealed class FakeRpcHandler : HttpMessageHandler
{
    private readonly Queue<Func<JsonElement, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<HttpClient> _clients = [];

    /// <summary>Every request body received, in order.</summary>
    public List<string> RequestBodies { get; } = [];

    /// <summary>The parsed last request body.</summary>
    public JsonElement LastRequest => JsonDocument.Parse(RequestBodies[^1]).RootElement;

    /// <summary>Creates a client on this handler with the given HTTP timeout.</summary>
    public EthRpcClient CreateClient(TimeSpan? timeout = null)
    {
        var http = new HttpClient(this, disposeHandler: false) { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        _clients.Add(http);
        return new EthRpcClient(http, new Uri("http://fake-node.invalid:8545"));
    }

    /// <summary>Answers the next request with <c>{"jsonrpc":"2.0","id":(request id),"result":resultJson}</c>.</summary>
    public FakeRpcHandler Result(string resultJson) =>
        Respond(request => $$"""{"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"result":{{resultJson}}}""");

    /// <summary>Answers the next request with a JSON-RPC error object (id echoed).</summary>
    public FakeRpcHandler Error(int code, string message, string? dataJson = null) =>
        Respond(request => $$"""{"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"error":{{ErrorObject(code, message, dataJson)}}}""");

    /// <summary>Answers the next request with a body computed from the parsed request.</summary>
    public FakeRpcHandler Respond(Func<JsonElement, string> body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _script.Enqueue((request, _) => Task.FromResult(Json(body(request), status)));
        return this;
    }

    /// <summary>Answers the next request with a fixed body.</summary>
    public FakeRpcHandler Raw(string body, HttpStatusCode status = HttpStatusCode.OK) => Respond(_ => body, status);

    /// <summary>Answers the next request with exact bytes, which need not be valid UTF-8.</summary>
    public FakeRpcHandler RawBytes(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _script.Enqueue((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body) }));
        return this;
    }

    /// <summary>Fails the next request with <paramref name="exception"/>, as a handler further down the pipeline might.</summary>
    public FakeRpcHandler Throw(Exception exception)
    {
        _script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers the next request until the request is cancelled (by the caller or the HTTP timeout).</summary>
    public FakeRpcHandler Hang()
    {
        _script.Enqueue(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>Fails the next request as a refused connection would.</summary>
    public FakeRpcHandler ConnectionRefused()
    {
        _script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException("Connection refused (fake-node.invalid:8545)", new IOException("refused"))));
        return this;
    }

    public static string ErrorObject(int code, string message, string? dataJson) =>
        dataJson is null
            ? $$"""{"code":{{code}},"message":{{JsonSerializer.Serialize(message)}}}"""
            : $$"""{"code":{{code}},"message":{{JsonSerializer.Serialize(message)}},"data":{{dataJson}}}""";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _clients.ForEach(client => client.Dispose());
        }

        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        var body = await request.Content.ReadAsStringAsync(cancellationToken);
        RequestBodies.Add(body);
        if (_script.Count == 0)
        {
            throw new InvalidOperationException("The fake node received a request it has no scripted answer for: " + body);
        }

        using var document = JsonDocument.Parse(body);
        return await _script.Dequeue()(document.RootElement.Clone(), cancellationToken);
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
}
