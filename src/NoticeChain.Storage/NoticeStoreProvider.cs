namespace NoticeChain.Storage;

/// <summary>The database behind the store ports.</summary>
public enum NoticeStoreProvider
{
    /// <summary>One SQLite file in the data folder: the embedded default, for one API process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which several API processes may share.</summary>
    Postgres,
}
