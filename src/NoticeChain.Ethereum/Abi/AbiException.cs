namespace NoticeChain.Ethereum.Abi;

/// <summary>
/// The single exception for every ABI failure: an invalid type string or signature, a value that does not
/// fit its type, and every malformed encoding (truncated data, out-of-range offsets, dirty padding).
/// </summary>
/// <remarks>
/// Decoding reads data from other parties (call results, logs, revert data), so all of its failures are
/// this one type: a caller catches one exception and never sees <see cref="IndexOutOfRangeException"/>,
/// <see cref="OverflowException"/> or <see cref="OutOfMemoryException"/> from hostile bytes.
/// </remarks>
public sealed class AbiException : Exception
{
    /// <summary>Creates an exception with a message naming what is wrong.</summary>
    public AbiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public AbiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public AbiException()
        : base("Invalid ABI type, value or encoding.")
    {
    }
}
