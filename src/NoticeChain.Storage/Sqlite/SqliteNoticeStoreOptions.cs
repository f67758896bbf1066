namespace NoticeChain.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file, and how long a writer waits for another.</summary>
public sealed record SqliteNoticeStoreOptions
{
    /// <summary>The database file; created with its folder's permissions if missing. The <c>-wal</c> and <c>-shm</c>
    /// files live beside it and belong to it (back up all three, or use SQLite's backup API).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long a write waits for a concurrent writer before failing; 5 s by default.</summary>
    /// <remarks>SQLite has one writer at a time; writes here are short transactions, so waiting is the right answer
    /// to contention, and a failure after this long means something is stuck.</remarks>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
