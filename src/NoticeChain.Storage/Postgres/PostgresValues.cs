using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Postgres;

/// <summary>Conversions between domain values and the column types of the PostgreSQL schema.</summary>
/// <remarks>
/// Times are <c>timestamptz</c>, written truncated to the millisecond and in UTC, so both stores hand back the same
/// value for the same input. Unsigned chain numbers are stored in <c>bigint</c> columns; values above 2^63 - 1 cannot
/// occur for nonces, block numbers, chain ids or tree sizes, and a checked conversion turns one into an exception
/// rather than a wrapped negative number. Hashes and ids come back through the value types' own constructors,
/// which check their lengths.
/// </remarks>
internal static class PostgresValues
{
    /// <summary>The time as the store keeps it: truncated to the millisecond, offset zero.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    public static long ToInt64(ulong value) => checked((long)value);

    public static ulong ToUInt64(long value) => checked((ulong)value);

    public static NoticeId NoticeId(Guid value) => Core.Notices.NoticeId.FromGuid(value);

    public static string Kind(ChainActionKind kind) => kind switch
    {
        ChainActionKind.Anchor => "anchor",
        ChainActionKind.Revoke => "revoke",
        ChainActionKind.Supersede => "supersede",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown action kind."),
    };

    public static ChainActionKind Kind(string kind) => kind switch
    {
        "anchor" => ChainActionKind.Anchor,
        "revoke" => ChainActionKind.Revoke,
        "supersede" => ChainActionKind.Supersede,
        _ => throw new InvalidOperationException($"Unknown action kind '{kind}' in the database."),
    };

    public static RevocationReason Reason(short value) =>
        value is >= (short)RevocationReason.Withdrawal and <= (short)RevocationReason.Other
            ? (RevocationReason)value
            : throw new InvalidOperationException($"Unknown revocation reason {value} in the database.");
}
