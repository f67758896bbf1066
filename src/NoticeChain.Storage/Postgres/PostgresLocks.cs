using System.Buffers.Binary;
using System.Security.Cryptography;
using Npgsql;

namespace NoticeChain.Storage.Postgres;

/// <summary>The advisory locks that serialise the store's writers across every process sharing the database.</summary>
/// <remarks>
/// <para>
/// All are transaction-level (<c>pg_advisory_xact_lock</c>): released by commit or rollback, so a crashed process or a
/// dropped connection can never leave one behind. They are taken by the first statement of a READ COMMITTED
/// transaction; every later statement takes a fresh snapshot and so sees what the previous holder committed.
/// </para>
/// <para>
/// The two-key form is used with a class in the first key (a NoticeChain-specific constant, so another application
/// on the same database is unlikely to collide) and a 32-bit hash of the subject in the second. Two subjects whose
/// hashes collide merely wait for each other.
/// </para>
/// </remarks>
internal static class PostgresLocks
{
    /// <summary>The migrator's single 64-bit key ("NCSCHEMA" in ASCII); distinct from every two-key lock.</summary>
    public const long SchemaKey = 0x4E43_5343_4845_4D41;

    /// <summary>Per authority: accepting notices, revocation requests and closing batches.</summary>
    private const int AuthorityClass = 0x4E43_0001;

    /// <summary>Per sending key: consuming or raising its next nonce.</summary>
    private const int SenderClass = 0x4E43_0002;

    /// <summary>One for the whole database: the follower's cursor and facts.</summary>
    private const int ChainIndexClass = 0x4E43_0003;

    public static Task AuthorityAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, byte[] authority, CancellationToken cancellationToken) =>
        TakeAsync(connection, transaction, AuthorityClass, Hash(authority), cancellationToken);

    public static Task SenderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, byte[] sender, CancellationToken cancellationToken) =>
        TakeAsync(connection, transaction, SenderClass, Hash(sender), cancellationToken);

    public static Task ChainIndexAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        TakeAsync(connection, transaction, ChainIndexClass, 0, cancellationToken);

    private static async Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int lockClass, int key, CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, "SELECT pg_advisory_xact_lock(@class, @key);");
        command.Parameters.AddWithValue("class", lockClass);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int Hash(byte[] subject) => BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(subject));
}
