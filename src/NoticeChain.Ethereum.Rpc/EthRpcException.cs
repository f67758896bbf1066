using System.Globalization;
using System.Net;
using System.Text.Json;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The node answered with a JSON-RPC error object: the request arrived and was refused or failed.</summary>
/// <remarks>
/// <para>
/// <see cref="Exception.Message"/> is the node's message verbatim, because callers and operators match on
/// it ("nonce too low", "already known") and nodes do not agree on codes for those cases.
/// </para>
/// <para>
/// A reverted <c>eth_call</c> or <c>eth_estimateGas</c> carries the ABI-encoded revert reason (a custom
/// error selector and its arguments) as a hex string in <c>data</c> (Geth, Anvil and Besu use code 3,
/// "execution reverted"). <see cref="DataBytes"/> exposes it decoded so the ABI layer can name the custom
/// error; <see cref="DataJson"/> keeps whatever else a node sends.
/// </para>
/// </remarks>
public sealed class EthRpcException : EthRpcClientException
{
    /// <summary>The code Geth, Anvil and Besu use for a reverted call or gas estimate.</summary>
    public const int ExecutionRevertedCode = 3;

    /// <summary>Creates an exception with a generic message and code 0.</summary>
    public EthRpcException()
        : base("The node returned a JSON-RPC error.")
    {
    }

    /// <summary>Creates an exception with a message and code 0.</summary>
    public EthRpcException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message, code 0 and the underlying cause.</summary>
    public EthRpcException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from the parts of a JSON-RPC error object.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The node's message.</param>
    /// <param name="dataJson">The <c>data</c> member as raw JSON, or null when absent.</param>
    /// <param name="method">The method that was called, or null when the node could not tell (whole batch).</param>
    public EthRpcException(int code, string message, string? dataJson, string? method)
        : base(message, method, innerException: null)
    {
        Code = code;
        DataJson = dataJson;

        // Spelled out: a null byte[] would otherwise convert to an empty ReadOnlyMemory, not to null.
        if (DecodeHexData(dataJson) is { } bytes)
        {
            DataBytes = bytes;
        }
    }

    /// <summary>The JSON-RPC error code (for example -32601 method not found, 3 execution reverted).</summary>
    public int Code { get; }

    /// <summary>The <c>data</c> member as raw JSON text, or null when the node sent none.</summary>
    public string? DataJson { get; }

    /// <summary>The <c>data</c> member decoded, when it is a 0x-prefixed hex string (revert data); otherwise null.</summary>
    public ReadOnlyMemory<byte>? DataBytes { get; }

    /// <summary>The HTTP status when the error object arrived in a non-2xx answer (e.g. 429 from a rate limiter), otherwise null.</summary>
    /// <remarks>
    /// Most nodes send JSON-RPC errors with HTTP 200; gateways and rate limiters answer with 429 or 5xx and an
    /// error object such as code -32005. The error is still the node's answer, so it is reported as this
    /// exception, and the status stays available for a retry policy that treats 429 differently.
    /// </remarks>
    public HttpStatusCode? StatusCode { get; internal init; }

    /// <summary>True for a reverted call or gas estimate (<see cref="ExecutionRevertedCode"/>).</summary>
    public bool IsExecutionReverted => Code == ExecutionRevertedCode;

    /// <summary>The message with code and method, for logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{GetType().FullName}: JSON-RPC error {Code} from {Method ?? "batch"}: {Message}")
        + (DataJson is null ? string.Empty : " data=" + DataJson);

    private static byte[]? DecodeHexData(string? dataJson)
    {
        if (dataJson is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(dataJson);
        return document.RootElement.ValueKind == JsonValueKind.String
            && HexData.TryParse(document.RootElement.GetString(), out var bytes)
                ? bytes
                : null;
    }
}
