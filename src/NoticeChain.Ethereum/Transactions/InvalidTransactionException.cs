namespace NoticeChain.Ethereum.Transactions;

/// <summary>
/// A transaction that is well-formed RLP but not a valid transaction: an unknown type byte, the wrong
/// number of fields, a field of the wrong shape, an invalid v, or a non-canonical (for example high-S) signature.
/// </summary>
/// <remarks>
/// Malformed RLP itself, including a non-canonical or oversized scalar, raises
/// <see cref="Rlp.RlpException"/> instead, so a caller can tell "not RLP" from "not a transaction".
/// </remarks>
public sealed class InvalidTransactionException : Exception
{
    /// <summary>Creates an exception with a message naming what is wrong.</summary>
    public InvalidTransactionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public InvalidTransactionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public InvalidTransactionException()
        : base("Invalid transaction.")
    {
    }
}
