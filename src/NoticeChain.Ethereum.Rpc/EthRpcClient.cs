using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using NoticeChain.Ethereum.Rpc.Wire;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>An Ethereum JSON-RPC 2.0 client over HTTP: single calls, batches and typed <c>eth_</c> methods.</summary>
/// <remarks>
/// <para>
/// The <see cref="HttpClient"/> is injected and never disposed here: its owner decides pooling, handlers
/// and <see cref="HttpClient.Timeout"/>, which is the per-request timeout this client reports as
/// <see cref="EthRpcTimeoutException"/>. The client holds no other state than a request id counter, so one
/// instance can be shared by concurrent callers.
/// </para>
/// <para>
/// Exception messages never contain the endpoint's path, query or user info, because hosted node URLs often
/// embed an API key there: the client's own messages name the method only, and a message from the HTTP stack
/// (which may quote the URL) is scrubbed of those parts, inner exceptions included, before it is passed on.
/// </para>
/// </remarks>
public sealed partial class EthRpcClient
{
    private const string Redacted = "[redacted]";
    private const int MaxQuotedIdLength = 80;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly string[] _endpointSecrets;
    private long _lastId;

    /// <summary>Creates a client that posts to <paramref name="endpoint"/> through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client; its <see cref="HttpClient.Timeout"/> bounds each request.</param>
    /// <param name="endpoint">The node's JSON-RPC URL, e.g. <c>http://127.0.0.1:8545</c>.</param>
    /// <param name="timeProvider">The clock for <see cref="WaitForReceiptAsync"/>; <see cref="TimeProvider.System"/> when null.</param>
    public EthRpcClient(HttpClient httpClient, Uri endpoint, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint must be an absolute URI.", nameof(endpoint));
        }

        _httpClient = httpClient;
        Endpoint = endpoint;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _endpointSecrets = EndpointSecrets(endpoint);
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Sends one call and reads its result.</summary>
    /// <exception cref="EthRpcException">The node answered with a JSON-RPC error (also inside a non-2xx HTTP answer, with <see cref="EthRpcException.StatusCode"/> set).</exception>
    /// <exception cref="EthRpcTransportException">No well-formed answer arrived (including one that is not valid UTF-8).</exception>
    /// <exception cref="EthRpcTimeoutException"><see cref="HttpClient.Timeout"/> elapsed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResult> SendAsync<TResult>(RpcCall<TResult> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var id = Interlocked.Increment(ref _lastId);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new JsonRpcRequest(id, call.Method, call.Parameters), RpcJsonContext.Default.JsonRpcRequest);
        var responseBody = await PostAsync(body, call.Method, cancellationToken).ConfigureAwait(false);

        var response = Deserialize(responseBody, RpcJsonContext.Default.JsonRpcResponse, call.Method);
        CheckEnvelope(response, call.Method);

        // A node that could not even read the request id answers with "id": null and an error (JSON-RPC 2.0 §5).
        if (!(response.Error is not null && response.Id.ValueKind == JsonValueKind.Null) && ReadId(response.Id) != id)
        {
            throw new EthRpcTransportException(
                $"The response to {call.Method} carries id {RawText(response.Id)}, but the request had id {id}.",
                call.Method,
                null,
                null);
        }

        return response.Error is { } error ? throw ToException(error, call.Method) : call.ReadResult(response.Result);
    }

    /// <summary>Sends any method and returns its result as raw JSON (for node-specific methods such as <c>anvil_mine</c>).</summary>
    /// <param name="method">The JSON-RPC method.</param>
    /// <param name="parameters">By-position parameters, e.g. <c>new JsonArray("0x1")</c>; null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <inheritdoc cref="SendAsync{TResult}(RpcCall{TResult}, CancellationToken)" path="/exception"/>
    public Task<JsonElement> SendAsync(string method, JsonArray? parameters, CancellationToken cancellationToken = default) =>
        SendAsync(RpcCall.Create(method, parameters), cancellationToken);

    /// <summary>Sends any method and deserializes its result with a source-generated <paramref name="resultType"/>.</summary>
    /// <param name="method">The JSON-RPC method.</param>
    /// <param name="parameters">By-position parameters; null for none.</param>
    /// <param name="resultType">The caller's source-generated type info for the result.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <inheritdoc cref="SendAsync{TResult}(RpcCall{TResult}, CancellationToken)" path="/exception"/>
    public Task<TResult?> SendAsync<TResult>(
        string method, JsonArray? parameters, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken = default) =>
        SendAsync(RpcCall.Create(method, parameters, resultType), cancellationToken);

    /// <summary>Sends every call of <paramref name="batch"/> in one HTTP request and completes its items.</summary>
    /// <remarks>
    /// Per-call failures (a JSON-RPC error, a malformed result, a missing answer) land on the item; only a
    /// failure of the whole exchange throws, and then no item is completed. An empty batch sends nothing.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The batch was already sent.</exception>
    /// <exception cref="EthRpcException">The node refused the batch as a whole with a single error object (also inside a non-2xx HTTP answer).</exception>
    /// <exception cref="EthRpcTransportException">No well-formed answer arrived, or the answer's ids do not match the requests.</exception>
    /// <exception cref="EthRpcTimeoutException"><see cref="HttpClient.Timeout"/> elapsed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task SendBatchAsync(EthRpcBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entries = batch.MarkSent();
        if (entries.Count == 0)
        {
            return;
        }

        var byId = new Dictionary<long, IRpcBatchEntry>(entries.Count);
        var requests = new JsonRpcRequest[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            var id = Interlocked.Increment(ref _lastId);
            byId.Add(id, entries[i]);
            requests[i] = new JsonRpcRequest(id, entries[i].Call.Method, entries[i].Call.Parameters);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(requests, RpcJsonContext.Default.JsonRpcRequestArray);
        var responseBody = await PostAsync(body, method: null, cancellationToken).ConfigureAwait(false);

        // A node that rejects the batch as a whole (too large, unparsable) answers with one error object.
        if (FirstToken(responseBody) == JsonTokenType.StartObject)
        {
            var single = Deserialize(responseBody, RpcJsonContext.Default.JsonRpcResponse, method: null);
            CheckEnvelope(single, method: null);
            throw single.Error is { } error
                ? ToException(error, method: null)
                : new EthRpcTransportException("The node answered a batch with a single result instead of an array.", null, null, null);
        }

        var responses = Deserialize(responseBody, RpcJsonContext.Default.JsonRpcResponseArray, method: null);
        var answered = new Dictionary<long, JsonRpcResponse>(responses.Length);
        foreach (var response in responses)
        {
            if (response is null)
            {
                throw new EthRpcTransportException("The batch response contains null instead of a response object.", null, null, null);
            }

            CheckEnvelope(response, method: null);
            var id = ReadId(response.Id);
            if (id is not { } known || !byId.ContainsKey(known) || !answered.TryAdd(known, response))
            {
                throw new EthRpcTransportException(
                    $"The batch response carries id {RawText(response.Id)}, which matches no outstanding request of this batch.",
                    null,
                    null,
                    null);
            }
        }

        foreach (var (id, entry) in byId)
        {
            if (!answered.TryGetValue(id, out var response))
            {
                entry.Fail(new EthRpcTransportException(
                    $"The batch response has no answer for {entry.Call.Method} (id {id}).", entry.Call.Method, null, null));
            }
            else if (response.Error is { } error)
            {
                entry.Fail(ToException(error, entry.Call.Method));
            }
            else
            {
                entry.Complete(response.Result);
            }
        }
    }

    private async Task<byte[]> PostAsync(byte[] body, string? method, CancellationToken cancellationToken)
    {
        // Checked here because HttpClient may hand an already-cancelled token to its handler and send anyway.
        cancellationToken.ThrowIfCancellationRequested();
        var what = method ?? "the batch";
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        try
        {
            // The default completion option buffers the whole body, so HttpClient.Timeout covers reading it too.
            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // Rate limiters and gateways (e.g. HTTP 429 with code -32005) often put a JSON-RPC error in the
                // body: that is the node's answer, and its code tells the caller more than the status does.
                throw NodeErrorIn(responseBody, method, response.StatusCode)
                    ?? new EthRpcTransportException(
                        $"The node answered {what} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                        method,
                        response.StatusCode,
                        null);
            }

            return responseBody;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new EthRpcTimeoutException(
                $"The node did not answer {what} within the HTTP timeout of {_httpClient.Timeout}.", method, Sanitize(ex));
        }
        catch (OperationCanceledException ex)
        {
            throw new EthRpcTransportException($"The HTTP request for {what} was cancelled by the HttpClient.", method, null, Sanitize(ex));
        }
        catch (HttpRequestException ex)
        {
            throw new EthRpcTransportException($"The HTTP request for {what} failed: {Scrub(ex.Message)}", method, ex.StatusCode, Sanitize(ex));
        }
        catch (IOException ex)
        {
            throw new EthRpcTransportException($"Reading the response to {what} failed: {Scrub(ex.Message)}", method, null, Sanitize(ex));
        }
    }

    /// <summary>The JSON-RPC error object in a non-2xx answer, or null when the body is anything else.</summary>
    /// <remarks>The id is not checked: the HTTP status already says the request failed, so the only question is whether the node said why.</remarks>
    private static EthRpcClientException? NodeErrorIn(byte[] body, string? method, HttpStatusCode statusCode)
    {
        try
        {
            var response = JsonSerializer.Deserialize(body, RpcJsonContext.Default.JsonRpcResponse);
            return response is { Jsonrpc: "2.0", Error: { } error, Result.ValueKind: JsonValueKind.Undefined }
                ? ToException(error, method, statusCode) as EthRpcException
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> typeInfo, string? method)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new JsonException("The response body is JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string member that is not valid UTF-8 cannot be transcoded.
            throw new EthRpcTransportException(
                $"The response to {method ?? "the batch"} is not a well-formed JSON-RPC response: {ex.Message}", method, null, ex);
        }
    }

    private static JsonTokenType FirstToken(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            return reader.Read() ? reader.TokenType : JsonTokenType.None;
        }
        catch (JsonException ex)
        {
            throw new EthRpcTransportException($"The batch response is not well-formed JSON: {ex.Message}", null, null, ex);
        }
    }

    // JSON-RPC 2.0 §5: "jsonrpc" must be exactly "2.0", and exactly one of "result" and "error" is present.
    private static void CheckEnvelope(JsonRpcResponse response, string? method)
    {
        string? problem = response switch
        {
            { Jsonrpc: not "2.0" } => $"its \"jsonrpc\" member is {(response.Jsonrpc is null ? "missing" : $"\"{response.Jsonrpc}\"")}, not \"2.0\"",
            { Error: not null, Result.ValueKind: not JsonValueKind.Undefined } => "it has both \"result\" and \"error\"",
            { Error: null, Result.ValueKind: JsonValueKind.Undefined } => "it has neither \"result\" nor \"error\"",
            _ => null,
        };
        if (problem is not null)
        {
            throw new EthRpcTransportException(
                $"The response to {method ?? "the batch"} is not a valid JSON-RPC 2.0 response: {problem}.", method, null, null);
        }
    }

    private static long? ReadId(JsonElement id) =>
        id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) ? value : null;

    /// <summary>A response member quoted for a message: shortened, and never throwing on text that is not valid UTF-8.</summary>
    private static string RawText(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            return "(none)";
        }

        try
        {
            var text = element.GetRawText();
            return text.Length <= MaxQuotedIdLength ? text : string.Concat(text.AsSpan(0, MaxQuotedIdLength), "…");
        }
        catch (InvalidOperationException)
        {
            return "(not valid UTF-8)";
        }
    }

    /// <summary>The node's error as <see cref="EthRpcException"/>, or a transport error when its <c>data</c> is not valid UTF-8.</summary>
    private static EthRpcClientException ToException(JsonRpcError error, string? method, HttpStatusCode? statusCode = null)
    {
        string? dataJson;
        try
        {
            dataJson = error.Data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : error.Data.GetRawText();
        }
        catch (InvalidOperationException ex)
        {
            return new EthRpcTransportException(
                $"The error the node returned for {method ?? "the batch"} has a \"data\" member that is not valid UTF-8.", method, statusCode, ex);
        }

        return new EthRpcException(
            error.Code,
            string.IsNullOrEmpty(error.Message) ? "(the node sent no message)" : error.Message,
            dataJson,
            method)
        {
            StatusCode = statusCode,
        };
    }

    /// <summary>The parts of the endpoint that may carry a credential, longest first, each also unescaped.</summary>
    private static string[] EndpointSecrets(Uri endpoint)
    {
        var secrets = new List<string>();
        var userInfo = endpoint.UserInfo;
        string[] candidates =
        [
            endpoint.PathAndQuery,
            endpoint.AbsolutePath,
            endpoint.Query,
            endpoint.Query.TrimStart('?'),
            endpoint.Fragment.TrimStart('#'),
            userInfo,
            userInfo.Contains(':', StringComparison.Ordinal) ? userInfo[(userInfo.IndexOf(':', StringComparison.Ordinal) + 1)..] : string.Empty,
        ];
        foreach (var candidate in candidates)
        {
            // A bare "/" is every endpoint's path and no secret; replacing it would garble every message.
            if (candidate.Length > 1)
            {
                secrets.Add(candidate);
                secrets.Add(Uri.UnescapeDataString(candidate));
            }
        }

        return [.. secrets.Distinct(StringComparer.Ordinal).OrderByDescending(secret => secret.Length)];
    }

    /// <summary>Replaces every credential-bearing part of the endpoint in <paramref name="text"/>.</summary>
    private string Scrub(string text)
    {
        foreach (var secret in _endpointSecrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// Returns <paramref name="exception"/> unchanged when no message in its chain quotes the endpoint's secrets;
    /// otherwise a copy of the chain as <see cref="HttpRequestException"/>s with scrubbed messages, so that logging
    /// the wrapping exception (whose <c>ToString</c> includes inner messages) cannot leak an API key.
    /// </summary>
    private Exception? Sanitize(Exception? exception)
    {
        if (exception is null || !QuotesSecret(exception))
        {
            return exception;
        }

        return new HttpRequestException(
            Scrub(exception.Message), Sanitize(exception.InnerException), (exception as HttpRequestException)?.StatusCode);
    }

    private bool QuotesSecret(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            foreach (var secret in _endpointSecrets)
            {
                if (current.Message.Contains(secret, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
