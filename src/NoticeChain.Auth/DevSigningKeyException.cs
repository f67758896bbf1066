namespace NoticeChain.Auth;

/// <summary>The dev signing key file is missing, unreadable, malformed or readable by other users.</summary>
public sealed class DevSigningKeyException : Exception
{
    /// <summary>Creates the exception with a message naming the file and what is wrong with it.</summary>
    public DevSigningKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DevSigningKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DevSigningKeyException()
        : base("The dev signing key file is not usable.")
    {
    }
}
