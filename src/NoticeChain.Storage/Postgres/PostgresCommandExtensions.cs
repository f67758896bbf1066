using Npgsql;
using NpgsqlTypes;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Postgres;

/// <summary>Small helpers that keep the store's data access readable without a mapper.</summary>
/// <remarks>
/// Plain ADO.NET, as in the SQLite store: every column becomes a domain value type by hand anyway. Parameters are
/// named (<c>@name</c>) and typed explicitly, so a null needs no cast in the SQL and a value never reaches the server
/// as text. Many rows go in one statement through arrays and <c>unnest</c> rather than a round trip per row.
/// </remarks>
internal static class PostgresCommandExtensions
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);

    /// <summary>Binds a parameter of an explicit type; null becomes SQL NULL.</summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }

    public static NpgsqlCommand WithBytes(this NpgsqlCommand command, string name, byte[]? value) =>
        command.With(name, NpgsqlDbType.Bytea, value);

    public static NpgsqlCommand WithInt64(this NpgsqlCommand command, string name, long? value) =>
        command.With(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand WithText(this NpgsqlCommand command, string name, string? value) =>
        command.With(name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand WithTime(this NpgsqlCommand command, string name, DateTimeOffset value) =>
        command.With(name, NpgsqlDbType.TimestampTz, PostgresValues.Truncate(value));

    public static NpgsqlCommand WithId(this NpgsqlCommand command, string name, NoticeId value) =>
        command.With(name, NpgsqlDbType.Uuid, value.Value);

    public static async Task<int> ExecuteAsync(this NpgsqlCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The first column of the first row as an integer, or null when there is no row or it is NULL.</summary>
    public static async Task<long?> ScalarInt64Async(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] GetBytes(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    public static byte[]? GetBytesOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);

    public static long? GetInt64OrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetTime(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? GetTimeOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static ulong GetUInt64(this NpgsqlDataReader reader, int ordinal) => PostgresValues.ToUInt64(reader.GetInt64(ordinal));

    public static NoticeId GetNoticeId(this NpgsqlDataReader reader, int ordinal) => PostgresValues.NoticeId(reader.GetGuid(ordinal));

    public static NoticeId? GetNoticeIdOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetNoticeId(ordinal);

    public static AuthorityId GetAuthority(this NpgsqlDataReader reader, int ordinal) => new(reader.GetBytes(ordinal));

    public static Digest GetDigest(this NpgsqlDataReader reader, int ordinal) => new(reader.GetBytes(ordinal));

    public static Salt GetSalt(this NpgsqlDataReader reader, int ordinal) => new(reader.GetBytes(ordinal));

    public static MerkleHash GetHash(this NpgsqlDataReader reader, int ordinal) => new(reader.GetBytes(ordinal));

    public static ChainHash GetChainHash(this NpgsqlDataReader reader, int ordinal) => new(reader.GetBytes(ordinal));

    public static ChainAddress GetAddress(this NpgsqlDataReader reader, int ordinal) => new(reader.GetBytes(ordinal));

    public static RevocationReason GetReason(this NpgsqlDataReader reader, int ordinal) => PostgresValues.Reason(reader.GetInt16(ordinal));
}
