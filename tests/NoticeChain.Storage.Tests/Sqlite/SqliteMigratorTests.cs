using Microsoft.Data.Sqlite;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.Storage.Tests.Sqlite;

/// <summary>Schema migrations at open: a fresh file, a reopened one, and one from the future.</summary>
public sealed class SqliteMigratorTests : IDisposable
{
    private readonly SqliteStoreFactory _files = new();

    private static long[] AllVersions => [.. Enumerable.Range(1, SqliteNoticeStore.SchemaVersion).Select(v => (long)v)];

    [Fact]
    public async Task A_new_database_gets_the_latest_schema_in_WAL_mode()
    {
        await using (await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
        }

        Assert.Equal(AllVersions, await ReadVersionsAsync());
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

        Assert.Equal(AllVersions, await ReadVersionsAsync());
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
        var versions = await ReadVersionsAsync();
        Assert.Equal([.. AllVersions, 999], versions);
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
    public async Task A_version_1_database_gets_the_digest_index_and_keeps_its_notices()
    {
        await using (var store = await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
            await store.AcceptAsync(Contract.TestData.AuthorityA, Contract.TestData.Notice(1));
        }

        // Back to what version 1 wrote: the same tables without the index (version 2) and the leases (version 3).
        await ScalarAsync("DROP INDEX notices_by_digest; DROP TABLE anchoring_leases; DELETE FROM schema_version WHERE version > 1;");
        Assert.Equal(new long[] { 1 }, await ReadVersionsAsync());

        await using (var store = await SqliteNoticeStore.OpenAsync(_files.DatabasePath, TimeProvider.System))
        {
            Assert.Single(await store.FindByDigestAsync(Contract.TestData.DigestOf(1)));
        }

        Assert.Equal(AllVersions, await ReadVersionsAsync());
        Assert.Contains("notices_by_digest", await QueryPlanAsync("SELECT id FROM notices WHERE digest = x'00';"), StringComparison.Ordinal);
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

    private async Task<string> QueryPlanAsync(string sql)
    {
        using var connection = await OpenRawAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join("; ", details);
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
