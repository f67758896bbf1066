namespace NoticeChain.Cli;

/// <summary>An expected failure of a command (bad input, missing key, unreachable node): printed without a stack trace, exit code 2.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user and its cause.</summary>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CliException()
        : base("The command failed.")
    {
    }
}
