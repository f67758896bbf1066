using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>Source-generated serializers for every wire shape the client reads or writes.</summary>
/// <remarks>
/// Source generation instead of reflection keeps the client trimming- and AOT-safe and makes the wire
/// format a compile-time fact. Property names are camelCase as in the spec; nulls are left out of
/// requests because several nodes read an explicit <c>"to": null</c> differently from an absent field.
/// Unknown response members are ignored: nodes add fields (blob gas, withdrawals) faster than specs settle.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonRpcRequest))]
[JsonSerializable(typeof(JsonRpcRequest[]))]
[JsonSerializable(typeof(JsonRpcResponse))]
[JsonSerializable(typeof(JsonRpcResponse[]))]
[JsonSerializable(typeof(ReceiptDto))]
[JsonSerializable(typeof(LogDto[]))]
[JsonSerializable(typeof(BlockDto))]
[JsonSerializable(typeof(TransactionDto))]
[JsonSerializable(typeof(FeeHistoryDto))]
[JsonSerializable(typeof(CallRequestDto))]
[JsonSerializable(typeof(LogFilterDto))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class RpcJsonContext : JsonSerializerContext;
