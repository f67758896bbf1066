using Npgsql;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>A fresh PostgreSQL database for one two-instance test, on the throwaway server that scripts/test.sh starts
/// (<c>NOTICECHAIN_TEST_POSTGRES</c>), dropped afterwards.</summary>
/// <remarks>
/// As in the store's PostgreSQL tests (decision 0014), a missing server is a failure that says how to get one, not a
/// skip: a green run must mean the failover was tested.
/// </remarks>
public sealed class TwoInstanceDatabase : IAsyncDisposable
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string ServerVariable = "NOTICECHAIN_TEST_POSTGRES";

    private readonly string _server;
    private readonly NpgsqlDataSource _database;

    private TwoInstanceDatabase(string server, string name)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        _database = NpgsqlDataSource.Create(ConnectionString);
        Name = name;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>The connection string the API processes get.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database (empty: the first API process applies the schema).</summary>
    /// <exception cref="InvalidOperationException"><see cref="ServerVariable"/> is not set.</exception>
    public static async Task<TwoInstanceDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The two-instance failover test needs a PostgreSQL server: run scripts/test.sh, which starts a throwaway PostgreSQL 15 and sets {ServerVariable}; "
                + $"or start one with `scripts/pg.sh start DIR` and export {ServerVariable}=\"$(cat DIR/connection)\" before `dotnet test`.");
        var name = "noticechain_e2e_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TwoInstanceDatabase(server, name);
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, with one optional bytea parameter <c>@p</c>.</summary>
    public async Task<object?> ScalarAsync(string sql, byte[]? parameter = null)
    {
        await using var command = _database.CreateCommand(sql);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
