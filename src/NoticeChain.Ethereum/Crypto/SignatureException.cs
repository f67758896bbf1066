using System.Security.Cryptography;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>
/// A signature that cannot be used: r or s out of range, s in the upper half of the order (EIP-2),
/// a recovery id other than 0 or 1, or no public key recoverable from it.
/// </summary>
/// <remarks>
/// Derives from <see cref="CryptographicException"/> so callers that already treat cryptographic failures
/// as one category keep working, while code that cares can catch this type alone.
/// </remarks>
public sealed class SignatureException : CryptographicException
{
    /// <summary>Creates an exception with a message naming what is wrong.</summary>
    public SignatureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public SignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public SignatureException()
        : base("Invalid signature.")
    {
    }
}
