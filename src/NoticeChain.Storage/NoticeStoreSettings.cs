using System.Diagnostics.CodeAnalysis;
using NoticeChain.Storage.Postgres;

namespace NoticeChain.Storage;

/// <summary>Which store to open and where: a host's <c>Store</c> settings, checked.</summary>
public sealed record NoticeStoreSettings
{
    /// <summary>The provider names a host's configuration accepts, in the case they are written.</summary>
    public static IReadOnlyList<string> ProviderNames { get; } = ["sqlite", "postgres"];

    /// <summary>The database; SQLite unless set.</summary>
    public NoticeStoreProvider Provider { get; init; } = NoticeStoreProvider.Sqlite;

    /// <summary>The SQLite database file; required for <see cref="NoticeStoreProvider.Sqlite"/>.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>The Npgsql connection string; required for <see cref="NoticeStoreProvider.Postgres"/>. May hold a password:
    /// <see cref="ToString"/> and every error message leave it out.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Reads a provider name (<c>sqlite</c> or <c>postgres</c>, any case); empty means SQLite.</summary>
    public static bool TryParseProvider(string? name, out NoticeStoreProvider provider)
    {
        provider = NoticeStoreProvider.Sqlite;
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(name.Trim(), "postgres", StringComparison.OrdinalIgnoreCase))
        {
            provider = NoticeStoreProvider.Postgres;
            return true;
        }

        return false;
    }

    /// <summary>Checks that the settings the provider needs are there and usable.</summary>
    /// <param name="error">What is wrong, naming the setting but never quoting the connection string.</param>
    public bool TryValidate([NotNullWhen(false)] out string? error)
    {
        switch (Provider)
        {
            case NoticeStoreProvider.Sqlite when string.IsNullOrWhiteSpace(SqlitePath):
                error = "the SQLite store needs a database file";
                return false;
            case NoticeStoreProvider.Sqlite when PostgresConnectionString is not null:
                error = "a PostgreSQL connection string is set, but the provider is SQLite";
                return false;
            case NoticeStoreProvider.Postgres when !PostgresNoticeStoreOptions.TryValidate(PostgresConnectionString, out var reason):
                error = $"the PostgreSQL connection string is not usable: {reason}";
                return false;
            case NoticeStoreProvider.Sqlite or NoticeStoreProvider.Postgres:
                error = null;
                return true;
            default:
                error = $"unknown provider {Provider}";
                return false;
        }
    }

    /// <summary>Describes the settings without the connection string.</summary>
    public override string ToString() =>
        $"NoticeStoreSettings {{ Provider = {Provider}, SqlitePath = {SqlitePath}, PostgresConnectionString = {(PostgresConnectionString is null ? "null" : "[redacted]")} }}";
}
