using NoticeChain.Storage.Postgres;

namespace NoticeChain.Storage.Tests.Postgres;

/// <summary>Schema migrations at open on PostgreSQL: a fresh database, a reopened one, two instances starting at once,
/// and one from the future.</summary>
public sealed class PostgresMigratorTests : IDisposable
{
    private readonly PostgresStoreFactory _database = new();

    private static int[] AllVersions => [.. Enumerable.Range(1, PostgresNoticeStore.SchemaVersion)];

    [Fact]
    public async Task A_new_database_gets_the_latest_schema()
    {
        await _database.OpenStoreAsync(TimeProvider.System);

        Assert.Equal(AllVersions, await ReadVersionsAsync());
        Assert.Equal(PostgresNoticeStore.SchemaVersion, (await ReadVersionsAsync()).Max());
        Assert.Equal(1L, await _database.ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'notices';"));
    }

    [Fact]
    public async Task Reopening_applies_no_migration_twice()
    {
        await _database.OpenStoreAsync(TimeProvider.System);
        var appliedAt = await _database.ScalarAsync("SELECT applied_at FROM schema_version WHERE version = 1;");

        await _database.OpenStoreAsync(TimeProvider.System);

        Assert.Equal(AllVersions, await ReadVersionsAsync());
        Assert.Equal(appliedAt, await _database.ScalarAsync("SELECT applied_at FROM schema_version WHERE version = 1;"));
    }

    [Fact]
    public async Task Instances_starting_together_on_an_empty_database_migrate_it_once()
    {
        await _database.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _database.OpenStoreAsync(TimeProvider.System))));

        Assert.Equal(AllVersions, await ReadVersionsAsync());
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused()
    {
        await _database.OpenStoreAsync(TimeProvider.System);
        await _database.ScalarAsync("INSERT INTO schema_version (version, applied_at) VALUES (999, now());");

        var refused = await Assert.ThrowsAsync<IncompatibleSchemaException>(() => _database.OpenStoreAsync(TimeProvider.System));

        Assert.Equal(999, refused.DatabaseVersion);
        Assert.Equal(PostgresNoticeStore.SchemaVersion, refused.SupportedVersion);
        var versions = await ReadVersionsAsync();
        Assert.Equal([.. AllVersions, 999], versions);
    }

    [Fact]
    public void The_embedded_migrations_are_numbered_without_gaps()
    {
        const string Prefix = "NoticeChain.Storage.Postgres.Migrations.";
        Assert.Equal(
            Enumerable.Range(1, PostgresNoticeStore.SchemaVersion),
            typeof(PostgresNoticeStore).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
                .Select(n => int.Parse(n.AsSpan(Prefix.Length, 4), System.Globalization.CultureInfo.InvariantCulture))
                .Order());
    }

    public void Dispose() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<int[]> ReadVersionsAsync() =>
        (int[])(await _database.ScalarAsync("SELECT array_agg(version ORDER BY version) FROM schema_version;"))!;
}
