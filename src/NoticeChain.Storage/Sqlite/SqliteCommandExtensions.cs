using Microsoft.Data.Sqlite;

namespace NoticeChain.Storage.Sqlite;

/// <summary>Small helpers that keep the store's data access readable without a mapper.</summary>
/// <remarks>
/// Plain ADO.NET rather than a mapper: every column is converted into a domain value type by hand anyway
/// (<see cref="SqliteValues"/>), and a command prepared once and re-bound per row is what makes 10,000 inserts
/// in one transaction fast. Connections, commands and readers are disposed with a plain <c>using</c>: their
/// disposal in Microsoft.Data.Sqlite is synchronous whichever way it is called.
/// </remarks>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Binds a parameter; null becomes SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Re-binds an existing parameter for the next execution of a prepared command.</summary>
    public static SqliteCommand Set(this SqliteCommand command, string name, object? value)
    {
        command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The first column of the first row as an integer, or null when there is no row or it is NULL.</summary>
    public static async Task<long?> ScalarInt64Async(this SqliteCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : (long)value;
    }

    public static byte[] GetBlob(this SqliteDataReader reader, int ordinal) => (byte[])reader.GetValue(ordinal);

    public static byte[]? GetBlobOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : (byte[])reader.GetValue(ordinal);

    public static long? GetInt64OrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
