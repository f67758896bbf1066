using System.Globalization;
using Microsoft.Data.Sqlite;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Verification;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The NoticeChain store in one SQLite file: notices (the outbox), batches, chain actions and their
/// transactions, nonces, idempotency keys and the chain follower's index.</summary>
/// <remarks>
/// <para>
/// Open it with <see cref="OpenAsync(SqliteNoticeStoreOptions, TimeProvider, CancellationToken)"/>, which applies
/// the schema migrations, and share the one instance: it is thread-safe and opens a pooled connection per
/// operation. Every operation that changes more than one row runs in one <c>BEGIN IMMEDIATE</c> transaction, so a
/// failure or a crash leaves nothing half-written, and concurrent writers queue for the file's single write lock
/// (up to <see cref="SqliteNoticeStoreOptions.BusyTimeout"/>) instead of failing.
/// </para>
/// <para>
/// Connections run with foreign keys on, <c>synchronous = FULL</c> (a commit is on disk when the call returns:
/// an accepted notice survives a power cut) and a busy timeout. The file is in WAL mode, so readers never block
/// the writer. Times come from the injected <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
public sealed partial class SqliteNoticeStore : INoticeStore, IAnchoringStore, IChainIndexStore, INoticeLookup, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly TimeProvider _time;
    private readonly BatchTreeCache _trees = new();

    private SqliteNoticeStore(string connectionString, TimeSpan busyTimeout, TimeProvider timeProvider)
    {
        _connectionString = connectionString;
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
        _time = timeProvider;
    }

    /// <summary>The newest schema version this code writes; a database at a higher version is refused.</summary>
    public static int SchemaVersion => SqliteMigrator.LatestVersion;

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The path is empty or the busy timeout is not positive.</exception>
    /// <exception cref="IncompatibleSchemaException">The file was written by a newer version of NoticeChain.</exception>
    public static async Task<SqliteNoticeStore> OpenAsync(
        SqliteNoticeStoreOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The busy timeout must be positive.", nameof(options));
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();

        var store = new SqliteNoticeStore(connectionString, options.BusyTimeout, timeProvider);
        using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await SqliteMigrator.MigrateAsync(connection, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return store;
    }

    /// <summary>Opens the database file at <paramref name="databasePath"/> with default options.</summary>
    /// <exception cref="IncompatibleSchemaException">The file was written by a newer version of NoticeChain.</exception>
    public static Task<SqliteNoticeStore> OpenAsync(
        string databasePath,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default) =>
        OpenAsync(new SqliteNoticeStoreOptions { DatabasePath = databasePath }, timeProvider, cancellationToken);

    /// <summary>Closes the pooled connections, releasing the file.</summary>
    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.Command(null, _connectionPragmas);
            await pragmas.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The Merkle tree of a batch, from the cache or rebuilt from its stored leaves.</summary>
    /// <remarks>
    /// A batch's tree never changes once created, so recently built trees are kept (<see cref="BatchTreeCache"/>):
    /// reading many receipts (a bulk export, the verify API) builds each batch's tree once, not once per notice.
    /// </remarks>
    private async Task<MerkleTree> LoadTreeAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long batchId,
        CancellationToken cancellationToken)
    {
        if (_trees.Get(batchId) is { } cached)
        {
            return cached;
        }

        using var command = connection.Command(transaction, "SELECT root, leaves FROM batches WHERE action_id = $batch;")
            .With("$batch", batchId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Batch {batchId} is missing.");
        }

        var tree = BatchTrees.Rebuild(batchId, reader.GetBlob(0), reader.GetBlob(1));
        _trees.Set(batchId, tree);
        return tree;
    }
}
