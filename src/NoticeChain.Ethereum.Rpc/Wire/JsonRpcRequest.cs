using System.Text.Json;
using System.Text.Json.Serialization;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A JSON-RPC 2.0 request object: <c>{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}</c>.</summary>
internal sealed class JsonRpcRequest(long id, string method, JsonElement parameters)
{
    [JsonPropertyOrder(0)]
    public string Jsonrpc { get; } = "2.0";

    [JsonPropertyOrder(1)]
    public long Id { get; } = id;

    [JsonPropertyOrder(2)]
    public string Method { get; } = method;

    /// <summary>Always a JSON array (by-position parameters), which every Ethereum node expects.</summary>
    [JsonPropertyOrder(3)]
    [JsonPropertyName("params")]
    public JsonElement Parameters { get; } = parameters;
}
