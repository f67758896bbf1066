using Npgsql;
using NoticeChain.Storage.Postgres;
using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Postgres;

/// <summary>A fresh database per test on the throwaway PostgreSQL server that scripts/test.sh starts, dropped afterwards.</summary>
/// <remarks>
/// The server comes from <c>NOTICECHAIN_TEST_POSTGRES</c> (a connection string whose user may create databases).
/// Without it every PostgreSQL test fails, saying how to get one, rather than being skipped: a green run must mean
/// both stores passed.
/// </remarks>
public sealed class PostgresStoreFactory : IStoreFactory
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string ServerVariable = "NOTICECHAIN_TEST_POSTGRES";

    private static readonly Lazy<NpgsqlDataSource> Server = new(() => NpgsqlDataSource.Create(ServerConnectionString()));

    private readonly List<PostgresNoticeStore> _open = [];
    private bool _created;

    /// <summary>The test's own database name.</summary>
    public string Database { get; } = "noticechain_test_" + Guid.NewGuid().ToString("N");

    /// <summary>The connection string of the test's database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = Database }.ToString();

    /// <summary>The server's connection string from <see cref="ServerVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"The PostgreSQL store tests need a server: run scripts/test.sh, which starts a throwaway PostgreSQL 15 and sets {ServerVariable}; "
                + $"or start one with `scripts/pg.sh start DIR` and export {ServerVariable}=\"$(cat DIR/connection)\" before `dotnet test`.");

    public async Task<StoreUnderTest> OpenAsync(TimeProvider timeProvider)
    {
        var store = await OpenStoreAsync(timeProvider);
        return new StoreUnderTest(store, store, store, store);
    }

    /// <summary>Opens another store on the test's database (creating it on the first call), as another process would.</summary>
    public async Task<PostgresNoticeStore> OpenStoreAsync(TimeProvider timeProvider)
    {
        await CreateDatabaseAsync();
        var store = await PostgresNoticeStore.OpenAsync(new PostgresNoticeStoreOptions { ConnectionString = ConnectionString }, timeProvider);
        _open.Add(store);
        return store;
    }

    /// <summary>Creates the test's database if it does not exist yet, without a schema.</summary>
    public async Task CreateDatabaseAsync()
    {
        if (!_created)
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{Database}\";");
            _created = true;
        }
    }

    /// <summary>Runs one statement on the test's database outside the store, as an operator (or a newer version) would.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _open)
        {
            await store.DisposeAsync();
        }

        if (_created)
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE);");
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var command = Server.Value.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
