using Microsoft.Data.Sqlite;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.Storage.Tests.Sqlite;

/// <summary>Schema migrations at open: a fresh file, a reopened one, and one from the future.</summary>
public sealed class SqliteMigratorTests : IDisposable
{
    private readonly SqliteStoreFactory _files = new();

    [Fact]
    public async Task A_new_database_gets_the_latest_schema_in_WAL_mode()
    {
        await using (await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
        }

        Assert.Equal(new long[] { 1 }, await ReadVersionsAsync());
        Assert.Equal(SqliteNoticeStore.SchemaVersion, (await ReadVersionsAsync()).Max());
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM sqlite_schema WHERE name = 'notices';"));
    }

    [Fact]
    public async Task Reopening_applies_no_migration_twice()
    {
        await using (await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
        }

        var appliedAt = await ScalarAsync("SELECT applied_at FROM schema_version WHERE version = 1;");
        await using (await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
        }

        Assert.Equal(new long[] { 1 }, await ReadVersionsAsync());
        Assert.Equal(appliedAt, await ScalarAsync("SELECT applied_at FROM schema_version WHERE version = 1;"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused()
    {
        await using (await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
        }

        await ScalarAsync("INSERT INTO schema_version (version, applied_at) VALUES (999, 0);");

        var refused = await Assert.ThrowsAsync<IncompatibleSchemaException>(
            () => SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System));
        Assert.Equal(999, refused.DatabaseVersion);
        Assert.Equal(SqliteNoticeStore.SchemaVersion, refused.SupportedVersion);
        Assert.Equal(new long[] { 1, 999 }, await ReadVersionsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_alone()
    {
        var garbage = "this is not a SQLite database, just some text that happens to be long enough"u8.ToArray();
        await File.WriteAllBytesAsync(_files.DatabasePath, garbage);

        await Assert.ThrowsAsync<SqliteException>(() => SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System));

        Assert.Equal(garbage, await File.ReadAllBytesAsync(_files.DatabasePath));
    }

    [Fact]
    public void The_embedded_migrations_are_numbered_without_gaps()
    {
        Assert.Equal(
            Enumerable.Range(1, SqliteNoticeStore.SchemaVersion),
            typeof(SqliteNoticeStore).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("NoticeChain.Storage.Sqlite.Migrations.", StringComparison.Ordinal))
                .Select(n => int.Parse(n.AsSpan("NoticeChain.Storage.Sqlite.Migrations.".Length, 4), System.Globalization.CultureInfo.InvariantCulture))
                .Order());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _files.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task<long[]> ReadVersionsAsync()
    {
        using var connection = await OpenRawAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version;";
        using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return [.. versions];
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        using var connection = await OpenRawAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _files.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
