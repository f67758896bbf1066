namespace NoticeChain.Ethereum.Rpc;

/// <summary>The node did not answer in time: <see cref="HttpClient.Timeout"/> elapsed, or a wait such as
/// <see cref="EthRpcClient.WaitForReceiptAsync"/> ran out (then the derived <see cref="ReceiptTimeoutException"/>).</summary>
/// <remarks>
/// <para>
/// Kept apart from <see cref="OperationCanceledException"/> on purpose: a cancelled caller token means
/// "stop, nobody wants the answer" and must not be retried or logged as a fault, while a timeout means
/// "the node is slow or gone" and usually should be. <see cref="HttpClient"/> reports both as
/// <see cref="TaskCanceledException"/>; the client tells them apart by whose token fired.
/// </para>
/// <para>
/// An exception of exactly this type is the HTTP timeout of one request; a <see cref="ReceiptTimeoutException"/>
/// means every request was answered but the transaction was not mined in time, which calls for a different
/// reaction (check the nonce and fees, maybe replace the transaction) than an unresponsive node.
/// </para>
/// </remarks>
public class EthRpcTimeoutException : EthRpcClientException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public EthRpcTimeoutException()
        : base("The JSON-RPC call timed out.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public EthRpcTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public EthRpcTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a call of <paramref name="method"/>.</summary>
    public EthRpcTimeoutException(string message, string? method, Exception? innerException)
        : base(message, method, innerException)
    {
    }
}
