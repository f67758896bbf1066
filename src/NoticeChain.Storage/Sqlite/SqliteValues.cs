using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Sqlite;

/// <summary>Conversions between domain values and the column types of the schema.</summary>
/// <remarks>
/// Times are Unix milliseconds, which every SQL engine and every tool reads. Unsigned chain numbers are stored
/// in signed 64-bit columns; values above 2^63 - 1 cannot occur for nonces, block numbers or tree sizes, and a
/// checked conversion turns one into an exception rather than a wrapped negative number.
/// </remarks>
internal static class SqliteValues
{
    public static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>The time as the store keeps it: truncated to the millisecond, in UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => FromMilliseconds(ToMilliseconds(time));

    public static long ToInt64(ulong value) => checked((long)value);

    public static ulong ToUInt64(long value) => checked((ulong)value);

    public static AuthorityId Authority(byte[] bytes) => new(bytes);

    public static Digest Digest(byte[] bytes) => new(bytes);

    public static Salt Salt(byte[] bytes) => new(bytes);

    public static MerkleHash Hash(byte[] bytes) => new(bytes);

    public static ChainHash ChainHash(byte[] bytes) => new(bytes);

    public static ChainAddress Address(byte[] bytes) => new(bytes);

    public static NoticeId NoticeId(string text) => Core.Notices.NoticeId.Parse(text);

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

    public static RevocationReason Reason(long value) =>
        value is >= (long)RevocationReason.Withdrawal and <= (long)RevocationReason.Other
            ? (RevocationReason)value
            : throw new InvalidOperationException($"Unknown revocation reason {value} in the database.");
}
