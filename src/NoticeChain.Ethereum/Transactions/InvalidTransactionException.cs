namespace NoticeChain.Ethereum.Transactions;

/// <summary>
/// A transaction that is well-formed RLP but not a valid transaction: an unknown type byte, the wrong
/// number of fields, a field of the wrong shape or value (the nonce 2^64 - 1, a priority fee above the fee
/// cap), an invalid v, or a non-canonical (for example high-S) signature; also any input larger than
/// <see cref="SignedTransaction.MaxEncodedSize"/>, which is refused before it is parsed.
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
