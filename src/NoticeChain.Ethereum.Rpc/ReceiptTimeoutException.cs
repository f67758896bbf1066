namespace NoticeChain.Ethereum.Rpc;

/// <summary><see cref="EthRpcClient.WaitForReceiptAsync"/> ran out of time: the node kept answering, but the
/// transaction was not mined within the caller's deadline.</summary>
/// <remarks>
/// Derived from <see cref="EthRpcTimeoutException"/> so code that treats every timeout alike keeps working,
/// while code that must tell "the node is gone" from "the transaction is stuck" can catch this type first. A
/// stuck transaction is still in the pool and may yet be mined, so it must not simply be sent again with a new
/// nonce; <see cref="TransactionHash"/> says which one to look after.
/// </remarks>
public sealed class ReceiptTimeoutException : EthRpcTimeoutException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ReceiptTimeoutException()
        : base("The transaction was not mined in time.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ReceiptTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public ReceiptTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a transaction that was not mined within <paramref name="timeout"/>.</summary>
    /// <param name="transactionHash">The transaction that was waited for.</param>
    /// <param name="timeout">The deadline that passed.</param>
    public ReceiptTimeoutException(Hash32 transactionHash, TimeSpan timeout)
        : base($"Transaction {transactionHash} was not mined within {timeout}.", "eth_getTransactionReceipt", null)
    {
        TransactionHash = transactionHash;
        Timeout = timeout;
    }

    /// <summary>The transaction that was not mined in time (<see cref="Hash32.Zero"/> when not given).</summary>
    public Hash32 TransactionHash { get; }

    /// <summary>The deadline that passed.</summary>
    public TimeSpan Timeout { get; }
}
