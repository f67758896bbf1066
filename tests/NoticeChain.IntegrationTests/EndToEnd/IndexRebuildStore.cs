using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>One store of an API instance in the rebuild tests, and the operator's procedures on it exactly as
/// docs/deploy.md ("Backup and restore") writes them: an online backup, a restore into a new store, and wiping the
/// chain index so the follower rebuilds it.</summary>
/// <remarks>
/// SQLite: the store is <c>&lt;data&gt;/noticechain.db</c>; the backup is <c>VACUUM INTO</c>, SQLite's consistent
/// online copy, run while the API writes (the same statement the documented <c>sqlite3</c> command runs). PostgreSQL:
/// a database of its own on the server of <c>NOTICECHAIN_TEST_POSTGRES</c>; the backup is <c>pg_dump -Fc</c>, the
/// restore <c>pg_restore</c> into a new database, both the server's own version of the tools.
/// </remarks>
public abstract class IndexRebuildStore : IAsyncDisposable
{
    /// <summary>The tables of the follower's index of registry events (both stores have the same names).</summary>
    public static IReadOnlyList<string> ChainIndexTables { get; } =
        ["chain_cursor", "chain_anchors", "chain_revocations", "chain_supersessions", "chain_authority_events"];

    private readonly bool _ownsFolder;

    /// <summary>A store whose data folder is <paramref name="dataFolder"/>, or a new temporary one (deleted on dispose).</summary>
    protected IndexRebuildStore(string? dataFolder)
    {
        _ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("noticechain-rebuild-").FullName;
    }

    /// <summary>The API's data folder (keys, dev signing key; for SQLite also the database).</summary>
    public string DataFolder { get; }

    /// <summary>The NOTICECHAIN_* settings that point an API at this store.</summary>
    public abstract IReadOnlyDictionary<string, string> ApiSettings { get; }

    /// <summary>An empty store of the same kind.</summary>
    public abstract Task<IndexRebuildStore> CreateEmptyAsync();

    /// <summary>Takes a backup while the API runs; returns the backup file.</summary>
    public abstract Task<string> BackupAsync();

    /// <summary>A new store holding the backup <paramref name="backupFile"/>.</summary>
    public abstract Task<IndexRebuildStore> RestoreAsync(string backupFile);

    /// <summary>Deletes every row of the chain index (facts and cursor), as an operator would before a rebuild in
    /// place; the notices, batches, transactions and nonces stay. The API must not be running.</summary>
    public abstract Task WipeChainIndexAsync();

    /// <summary>How many rows the chain index holds, over all its tables.</summary>
    public abstract Task<long> ChainIndexRowsAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (!_ownsFolder)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is left for the system to clean up.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A SQLite store: <c>noticechain.db</c> in the data folder.</summary>
    public sealed class Sqlite(string? dataFolder = null) : IndexRebuildStore(dataFolder)
    {
        private string DatabaseFile => Path.Combine(DataFolder, "noticechain.db");

        public override IReadOnlyDictionary<string, string> ApiSettings { get; } = new Dictionary<string, string>();

        public override Task<IndexRebuildStore> CreateEmptyAsync() => Task.FromResult<IndexRebuildStore>(new Sqlite());

        public override async Task<string> BackupAsync()
        {
            var backup = Path.Combine(Directory.CreateTempSubdirectory("noticechain-backup-").FullName, "noticechain.db");
            await using var connection = Open(DatabaseFile, SqliteOpenMode.ReadOnly);
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $file;";
            command.Parameters.AddWithValue("$file", backup);
            await command.ExecuteNonQueryAsync();
            return backup;
        }

        public override Task<IndexRebuildStore> RestoreAsync(string backupFile)
        {
            var restored = new Sqlite();
            File.Copy(backupFile, restored.DatabaseFile);
            return Task.FromResult<IndexRebuildStore>(restored);
        }

        public override async Task WipeChainIndexAsync()
        {
            await using var connection = Open(DatabaseFile, SqliteOpenMode.ReadWrite);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; " + string.Concat(ChainIndexTables.Select(t => $"DELETE FROM {t}; ")) + "COMMIT;";
            await command.ExecuteNonQueryAsync();
        }

        public override async Task<long> ChainIndexRowsAsync()
        {
            await using var connection = Open(DatabaseFile, SqliteOpenMode.ReadOnly);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(" + ", ChainIndexTables.Select(t => $"(SELECT count(*) FROM {t})")) + ";";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        private static SqliteConnection Open(string file, SqliteOpenMode mode)
        {
            // No pooling: a pooled connection would keep the file open after the test let go of it.
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
            connection.Open();
            return connection;
        }
    }

    /// <summary>A PostgreSQL store: a fresh database on the server of <c>NOTICECHAIN_TEST_POSTGRES</c>, dropped on dispose.</summary>
    public sealed class Postgres : IndexRebuildStore
    {
        private const string ServerVariable = "NOTICECHAIN_TEST_POSTGRES";
        private readonly string _database = "noticechain_rebuild_" + Guid.NewGuid().ToString("N");

        private Postgres()
            : base(null)
        {
        }

        private string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = _database }.ToString();

        public override IReadOnlyDictionary<string, string> ApiSettings => new Dictionary<string, string>
        {
            ["NOTICECHAIN__Store__Provider"] = "postgres",
            ["NOTICECHAIN__Store__ConnectionString"] = ConnectionString,
        };

        /// <summary>A new, empty database.</summary>
        public static async Task<Postgres> CreateAsync()
        {
            var store = new Postgres();
            await ExecuteOnServerAsync($"CREATE DATABASE \"{store._database}\";");
            return store;
        }

        public override async Task<IndexRebuildStore> CreateEmptyAsync() => await CreateAsync();

        public override async Task<string> BackupAsync()
        {
            var backup = Path.Combine(Directory.CreateTempSubdirectory("noticechain-backup-").FullName, "noticechain.dump");
            await RunToolAsync("pg_dump", "--format=custom", "--file=" + backup, "--dbname=" + LibpqUri());
            return backup;
        }

        public override async Task<IndexRebuildStore> RestoreAsync(string backupFile)
        {
            var restored = await CreateAsync();
            await RunToolAsync("pg_restore", "--exit-on-error", "--no-owner", "--dbname=" + restored.LibpqUri(), backupFile);
            return restored;
        }

        public override async Task WipeChainIndexAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("TRUNCATE " + string.Join(", ", ChainIndexTables) + ";", connection);
            await command.ExecuteNonQueryAsync();
        }

        public override async Task<long> ChainIndexRowsAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            var sql = "SELECT " + string.Join(" + ", ChainIndexTables.Select(t => $"(SELECT count(*) FROM {t})")) + ";";
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE);");
            await base.DisposeAsync();
        }

        /// <summary>The server's connection string; without it the PostgreSQL variant fails, saying how to get one
        /// (as the store suite's PostgreSQL tests do), rather than being skipped.</summary>
        private static string ServerConnectionString() =>
            Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } connectionString
                ? connectionString
                : throw new InvalidOperationException(
                    $"The PostgreSQL rebuild test needs a server: run scripts/test.sh, which starts a throwaway PostgreSQL 15 and sets {ServerVariable}; "
                    + $"or start one with `scripts/pg.sh start DIR` and export {ServerVariable}=\"$(cat DIR/connection)\".");

        private static async Task ExecuteOnServerAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>The database as a libpq URI for pg_dump and pg_restore (the test cluster trusts local connections).</summary>
        private string LibpqUri()
        {
            var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString());
            var uri = new UriBuilder("postgresql", builder.Host, builder.Port, _database) { UserName = builder.Username, Password = builder.Password };
            return uri.Uri.AbsoluteUri;
        }

        /// <summary>Runs pg_dump or pg_restore of the server's major version (scripts/pg.sh's binaries), else from PATH.</summary>
        private static async Task RunToolAsync(string tool, params string[] arguments)
        {
            var folder = Environment.GetEnvironmentVariable("NOTICECHAIN_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
            var path = File.Exists(Path.Combine(folder, tool)) ? Path.Combine(folder, tool) : tool;
            var startInfo = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {path}.");
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await errors}");
        }
    }
}
