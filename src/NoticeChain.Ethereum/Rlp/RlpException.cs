namespace NoticeChain.Ethereum.Rlp;

/// <summary>The single exception for every malformed RLP input: truncated, non-canonical, oversized or trailing data.</summary>
public sealed class RlpException : Exception
{
    /// <summary>Creates an exception with a message naming what is wrong.</summary>
    public RlpException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public RlpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public RlpException()
        : base("Malformed RLP.")
    {
    }
}
