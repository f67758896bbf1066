using System.Text.Json;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A JSON-RPC 2.0 response object as received, before any checks.</summary>
/// <remarks>
/// <see cref="Id"/> and <see cref="Result"/> stay raw: an absent member reads as
/// <see cref="JsonValueKind.Undefined"/> and a JSON null as <see cref="JsonValueKind.Null"/>, which is the
/// difference between a malformed response and "no receipt yet".
/// </remarks>
internal sealed class JsonRpcResponse
{
    public string? Jsonrpc { get; set; }

    public JsonElement Id { get; set; }

    public JsonElement Result { get; set; }

    public JsonRpcError? Error { get; set; }
}

/// <summary>The <c>error</c> member of a JSON-RPC response.</summary>
internal sealed class JsonRpcError
{
    public int Code { get; set; }

    public string? Message { get; set; }

    public JsonElement Data { get; set; }
}
