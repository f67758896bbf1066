using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace NoticeChain.Storage.Sqlite;

/// <summary>Brings a database file to the newest schema at open, or refuses a newer one.</summary>
/// <remarks>
/// <para>
/// Migrations are embedded SQL files numbered 0001, 0002, … without gaps. The versions applied are rows of
/// <c>schema_version</c>. All pending migrations run in one <c>BEGIN IMMEDIATE</c> transaction, so two processes
/// opening the same file at once migrate it once, and a failing migration leaves the file exactly as it was.
/// Opening an up-to-date file runs nothing, which makes opening idempotent.
/// </para>
/// <para>
/// WAL mode is set here, outside the transaction (SQLite requires that); it is a property of the file and
/// persists. WAL lets the API read while the worker writes, and with <c>synchronous = FULL</c> (set per
/// connection) a committed accept survives a power cut, which invariant 3 needs.
/// </para>
/// </remarks>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "NoticeChain.Storage.Sqlite.Migrations.";

    public static IReadOnlyList<SqliteMigration> Migrations { get; } = Load();

    public static int LatestVersion => Migrations[^1].Version;

    public static async Task MigrateAsync(SqliteConnection connection, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode (journal mode is '{mode}').");
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText =
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT;";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > LatestVersion)
        {
            throw new IncompatibleSchemaException(current, LatestVersion);
        }

        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = migration.Sql;
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            apply.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at);";
            apply.Parameters.AddWithValue("$version", migration.Version);
            apply.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteMigration[] Load()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToArray();

        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema migrations must be numbered 1, 2, 3, … without gaps; found {migrations[i].Name} at position {i + 1}.");
            }
        }

        return migrations.Length > 0 ? migrations : throw new InvalidOperationException("No schema migrations are embedded.");
    }

    private static SqliteMigration Read(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..];
        if (name.Length < 5 || name[4] != '-'
            || !int.TryParse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"The migration {name} is not named NNNN-what.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The migration {name} cannot be read.");
        using var reader = new StreamReader(stream);
        return new SqliteMigration(version, name, reader.ReadToEnd());
    }
}
