namespace NoticeChain.Ethereum.Keystore;

/// <summary>
/// The single exception for a keystore that cannot be read or unlocked: malformed JSON, an unsupported or
/// out-of-bounds parameter, or a wrong passphrase.
/// </summary>
/// <remarks>
/// Messages name the offending field (also in <see cref="Field"/>, for an RFC 9457 answer) and never
/// contain the passphrase, the derived key or the secret. A wrong passphrase and a corrupted file are
/// indistinguishable by design: both show up as a MAC mismatch.
/// </remarks>
public sealed class KeystoreException : Exception
{
    /// <summary>Creates an exception with a message naming what is wrong.</summary>
    public KeystoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception about one field of the keystore JSON, such as <c>crypto.kdfparams.n</c>.</summary>
    public KeystoreException(string message, string field)
        : base(message)
    {
        Field = field;
    }

    /// <summary>Creates an exception about one field of the keystore JSON, with the underlying cause.</summary>
    public KeystoreException(string message, string field, Exception innerException)
        : base(message, innerException)
    {
        Field = field;
    }

    /// <summary>Creates an exception with a message and the underlying cause.</summary>
    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public KeystoreException()
        : base("The keystore cannot be read.")
    {
    }

    /// <summary>The JSON path of the offending field (for example <c>crypto.kdfparams.n</c>), if there is one.</summary>
    public string? Field { get; }
}
