namespace NoticeChain.Storage;

/// <summary>The database was written by a newer NoticeChain whose schema this version does not know.</summary>
/// <remarks>
/// Raised at open, before anything is read or written: running old code against a newer schema could
/// misread or overwrite data the newer version depends on, so the store refuses and the operator upgrades
/// (or restores a backup) instead.
/// </remarks>
public sealed class IncompatibleSchemaException : Exception
{
    /// <summary>Creates the exception for a database at <paramref name="databaseVersion"/>.</summary>
    public IncompatibleSchemaException(int databaseVersion, int supportedVersion)
        : base($"The database has schema version {databaseVersion}; this version of NoticeChain supports up to {supportedVersion}. Upgrade NoticeChain to open it.")
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>Creates the exception with a message.</summary>
    public IncompatibleSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public IncompatibleSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public IncompatibleSchemaException()
    {
    }

    /// <summary>The schema version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest schema version this code knows.</summary>
    public int SupportedVersion { get; }
}
