using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using NoticeChain.Ethereum.Rpc.Wire;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>One JSON-RPC call, ready to send on its own or in a batch: method name, parameters and how to
/// read the result.</summary>
/// <remarks>
/// Calls are values built once (by <see cref="EthCalls"/> for the typed methods, by <see cref="Create"/>
/// for anything else) so a single call and a batched call share exactly the same request and result
/// parsing. Parameters are captured as an immutable <see cref="JsonElement"/> array when the call is built,
/// so changing the <see cref="JsonArray"/> afterwards does not change the call.
/// </remarks>
public abstract class RpcCall
{
    private protected RpcCall(string method, JsonArray? parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        Method = method;
        Parameters = JsonSerializer.SerializeToElement(parameters ?? [], RpcJsonContext.Default.JsonArray);
    }

    /// <summary>The JSON-RPC method name, e.g. <c>eth_chainId</c>.</summary>
    public string Method { get; }

    /// <summary>The by-position parameters as a JSON array.</summary>
    public JsonElement Parameters { get; }

    /// <summary>A call of any method whose result is returned as raw JSON.</summary>
    /// <remarks>
    /// The escape hatch for node-specific methods (<c>anvil_mine</c>, <c>evm_snapshot</c>,
    /// <c>evm_revert</c>): build the parameters with <see cref="JsonArray"/>, whose values serialize without
    /// reflection, e.g. <c>new JsonArray("0x5")</c>, and read the result with <see cref="JsonElement"/>
    /// accessors or <see cref="Quantity"/>.
    /// </remarks>
    public static RpcCall<JsonElement> Create(string method, JsonArray? parameters) =>
        new(method, parameters, result => result.Clone());

    /// <summary>A call of any method whose result is deserialized with the caller's source-generated <paramref name="resultType"/>.</summary>
    public static RpcCall<TResult?> Create<TResult>(string method, JsonArray? parameters, JsonTypeInfo<TResult> resultType)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        return new RpcCall<TResult?>(method, parameters, result => result.Deserialize(resultType));
    }
}

/// <summary>A JSON-RPC call whose result reads as <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class RpcCall<TResult> : RpcCall
{
    private readonly Func<JsonElement, TResult> _readResult;

    internal RpcCall(string method, JsonArray? parameters, Func<JsonElement, TResult> readResult)
        : base(method, parameters)
    {
        _readResult = readResult;
    }

    /// <summary>Reads the <c>result</c> member; malformed results surface as <see cref="EthRpcTransportException"/>.</summary>
    internal TResult ReadResult(JsonElement result)
    {
        try
        {
            return _readResult(result);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            throw new EthRpcTransportException($"The node's result for {Method} is malformed: {ex.Message}", Method, null, ex);
        }
    }
}
