using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Transactions;

/// <summary>A transaction was mined but failed (receipt status 0): it changed nothing except the sender's nonce and balance.</summary>
/// <remarks>
/// The gas estimate passed, so the state changed between estimate and inclusion (another transaction got there
/// first) or the gas limit was too low. The receipt carries no revert reason; <see cref="NoticeRegistryClient"/>
/// replays the call against the block's state to find it and raises <see cref="RegistryRevertException"/> when it can.
/// </remarks>
public sealed class TransactionFailedException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public TransactionFailedException()
        : base("The transaction failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TransactionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TransactionFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed receipt.</summary>
    public TransactionFailedException(TransactionReceipt receipt)
        : base($"Transaction {receipt?.TransactionHash} failed in block {receipt?.BlockNumber} after using {receipt?.GasUsed} gas.")
    {
        ArgumentNullException.ThrowIfNull(receipt);
        Receipt = receipt;
    }

    /// <summary>The failed transaction's receipt; null only for the message-only constructors.</summary>
    public TransactionReceipt? Receipt { get; }
}
