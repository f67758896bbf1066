using System.Globalization;
using System.Reflection;
using Npgsql;
using NpgsqlTypes;

namespace NoticeChain.Storage.Postgres;

/// <summary>Brings a database to the newest schema at open, or refuses a newer one.</summary>
/// <remarks>
/// <para>
/// Migrations are embedded SQL files numbered 0001, 0002, … without gaps; the versions applied are rows of
/// <c>schema_version</c>. Everything runs in one transaction that first takes an advisory lock
/// (<see cref="PostgresLocks.SchemaKey"/>): two API instances starting together queue on the lock, and the second,
/// reading the versions only after the first committed, applies nothing. PostgreSQL's DDL is transactional, so a
/// failing migration leaves the database exactly as it was. Opening an up-to-date database runs nothing.
/// </para>
/// <para>
/// The tables are created in the connection's search path (<c>public</c> unless the connection string sets
/// <c>Search Path</c>), so one database can hold several NoticeChain schemas if an operator wants that.
/// </para>
/// </remarks>
internal static class PostgresMigrator
{
    private const string ResourcePrefix = "NoticeChain.Storage.Postgres.Migrations.";

    public static IReadOnlyList<PostgresMigration> Migrations { get; } = Load();

    public static int LatestVersion => Migrations[^1].Version;

    public static async Task MigrateAsync(NpgsqlConnection connection, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var lockSchema = connection.Command(transaction, "SELECT pg_advisory_xact_lock(@key);"))
        {
            lockSchema.Parameters.AddWithValue("key", PostgresLocks.SchemaKey);
            await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var create = connection.Command(transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL);
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        using (var read = connection.Command(transaction, "SELECT coalesce(max(version), 0) FROM schema_version;"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > LatestVersion)
        {
            throw new IncompatibleSchemaException(current, LatestVersion);
        }

        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            using (var apply = connection.Command(transaction, migration.Sql))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var record = connection.Command(transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at);")
                .With("version", NpgsqlDbType.Integer, migration.Version)
                .WithTime("at", timeProvider.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static PostgresMigration[] Load()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
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

        return migrations.Length > 0 ? migrations : throw new InvalidOperationException("No PostgreSQL schema migrations are embedded.");
    }

    private static PostgresMigration Read(Assembly assembly, string resource)
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
        return new PostgresMigration(version, name, reader.ReadToEnd());
    }
}
