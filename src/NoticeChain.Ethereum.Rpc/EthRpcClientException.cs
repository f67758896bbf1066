namespace NoticeChain.Ethereum.Rpc;

/// <summary>Base of every failure the JSON-RPC client reports, so a caller can catch "the node did not
/// give a usable answer" in one place and still tell the kinds apart.</summary>
/// <remarks>
/// The subclasses draw the line a retry policy needs: <see cref="EthRpcException"/> is the node's own
/// answer (retrying the same request gives the same error), <see cref="EthRpcTransportException"/> and
/// <see cref="EthRpcTimeoutException"/> mean the answer never arrived intact (usually transient).
/// Cancellation by the caller is not an <see cref="EthRpcClientException"/>; it surfaces as
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public class EthRpcClientException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public EthRpcClientException()
        : base("The JSON-RPC call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public EthRpcClientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public EthRpcClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a call of <paramref name="method"/>.</summary>
    public EthRpcClientException(string message, string? method, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
    }

    /// <summary>The JSON-RPC method that failed, or null for a whole batch.</summary>
    public string? Method { get; }
}
