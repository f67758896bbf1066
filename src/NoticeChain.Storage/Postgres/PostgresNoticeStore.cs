using System.Data;
using Npgsql;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Verification;

namespace NoticeChain.Storage.Postgres;

/// <summary>The NoticeChain store in a PostgreSQL database: the same tables, ports and guarantees as
/// <see cref="Sqlite.SqliteNoticeStore"/>, for several API processes sharing one database.</summary>
/// <remarks>
/// <para>
/// Open it with <see cref="OpenAsync"/>, which applies the schema migrations, and share the one instance: it is
/// thread-safe and takes a pooled connection per operation from its own <see cref="NpgsqlDataSource"/>.
/// </para>
/// <para>
/// Every operation that changes more than one row runs in one READ COMMITTED transaction whose first statement takes
/// the lock that serialises it against every other writer of the same thing, in any process
/// (decision 0014): an authority's advisory lock for accepting, revocation requests and closing batches (so one
/// digest is one notice, an idempotency key answers once, and batches take notices in acceptance order exactly
/// once); the action's row (<c>FOR NO KEY UPDATE</c>) and the sender's advisory lock for its transactions (so a
/// nonce is handed out once and consumed only with its transaction); one advisory lock for the follower's cursor and
/// facts. A writer waits for the lock instead of failing; after it, each statement sees what the previous holder
/// committed. Reads that take several statements run in one REPEATABLE READ snapshot.
/// </para>
/// <para>
/// A commit returns once the server has flushed it (PostgreSQL's default <c>synchronous_commit = on</c>, which the
/// operator must keep): an accepted notice survives a crash of the database server. Times come from the injected
/// <see cref="TimeProvider"/>, never from the server's clock.
/// </para>
/// </remarks>
public sealed partial class PostgresNoticeStore : INoticeStore, IAnchoringStore, IChainIndexStore, INoticeLookup, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly BatchTreeCache _trees = new();

    private PostgresNoticeStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        _dataSource = dataSource;
        _time = timeProvider;
    }

    /// <summary>The newest schema version this code writes; a database at a higher version is refused.</summary>
    public static int SchemaVersion => PostgresMigrator.LatestVersion;

    /// <summary>Connects to the database and brings its schema up to date.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The connection string is not usable (the message never quotes it).</exception>
    /// <exception cref="IncompatibleSchemaException">The database was written by a newer version of NoticeChain.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the connection.</exception>
    public static async Task<PostgresNoticeStore> OpenAsync(
        PostgresNoticeStoreOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!PostgresNoticeStoreOptions.TryValidate(options.ConnectionString, out var error))
        {
            throw new ArgumentException($"The PostgreSQL connection string is not usable: {error}.", nameof(options));
        }

        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "NoticeChain";
        }

        var dataSource = builder.Build();
        try
        {
            var store = new PostgresNoticeStore(dataSource, timeProvider);
            using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                await PostgresMigrator.MigrateAsync(connection, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return store;
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the store's connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A transaction for a change; its first statement must take the lock that guards what it changes.</summary>
    private static async Task<NpgsqlTransaction> BeginWriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <summary>A transaction for a read of several statements that must see one state of the database.</summary>
    private static async Task<NpgsqlTransaction> BeginSnapshotAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    /// <summary>The Merkle tree of a batch, from the cache or rebuilt from its stored leaves.</summary>
    private async Task<MerkleTree> LoadTreeAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        long batchId,
        CancellationToken cancellationToken)
    {
        if (_trees.Get(batchId) is { } cached)
        {
            return cached;
        }

        using var command = connection.Command(transaction, "SELECT root, leaves FROM batches WHERE action_id = @batch;")
            .WithInt64("batch", batchId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Batch {batchId} is missing.");
        }

        var tree = BatchTrees.Rebuild(batchId, reader.GetBytes(0), reader.GetBytes(1));
        _trees.Set(batchId, tree);
        return tree;
    }
}
