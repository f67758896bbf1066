using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace NoticeChain.Storage.Postgres;

/// <summary>Where the PostgreSQL store finds its database.</summary>
public sealed record PostgresNoticeStoreOptions
{
    /// <summary>An Npgsql connection string (<c>Host=…;Port=…;Username=…;Password=…;Database=…</c>).</summary>
    /// <remarks>It may hold a password: the store never logs it, never puts it into an exception message, and
    /// <see cref="ToString"/> leaves it out.</remarks>
    public required string ConnectionString { get; init; }

    /// <summary>Checks that <paramref name="connectionString"/> is a usable Npgsql connection string.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="error">Why it is not, without any part of the string (which may hold a password).</param>
    /// <returns>True when it parses and names a host and a database.</returns>
    public static bool TryValidate(string? connectionString, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "the connection string is empty";
            return false;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's message can quote the offending value; only the kind of mistake is passed on.
            error = "the connection string cannot be parsed (expected key=value pairs separated by ';', with keys Npgsql knows)";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            error = "the connection string names no Host";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            error = "the connection string names no Database";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Describes the options without the connection string, which may hold a password.</summary>
    public override string ToString() => "PostgresNoticeStoreOptions { ConnectionString = [redacted] }";
}
