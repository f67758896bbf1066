using Microsoft.Data.Sqlite;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The public verify API's side: notices by digest or id across all authorities, with their receipts; and
/// the receipt reading that the issuing API's <see cref="GetReceiptAsync"/> shares with it.</summary>
public sealed partial class SqliteNoticeStore
{
    /// <summary>What <see cref="ReadStoredReceipt"/> reads, from <c>n</c> and the joins of <see cref="ReceiptJoins"/>.</summary>
    private const string ReceiptColumns = """
        n.digest, n.salt, n.leaf_index, n.batch_id, b.root,
        a.mined_tx, a.mined_block_number, a.mined_block_hash, a.mined_at,
        t.sender, t.chain_id, t.recipient
        """;

    /// <summary>Joins a notice <c>n</c> to its batch and, once mined, the anchoring transaction; all null while pending.</summary>
    private const string ReceiptJoins = """
        LEFT JOIN batches b ON b.action_id = n.batch_id
        LEFT JOIN chain_actions a ON a.id = n.batch_id AND a.mined_tx IS NOT NULL
        LEFT JOIN transactions t ON t.hash = a.mined_tx
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegisteredNotice>> FindByDigestAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.Command(transaction, $"""
            SELECT n.id, n.authority, n.accepted_at, {ReceiptColumns}
            FROM notices n {ReceiptJoins}
            WHERE n.digest = $digest
            ORDER BY n.accepted_at, n.seq
            LIMIT {INoticeLookup.MaxMatchesPerDigest};
            """)
            .With("$digest", digest.ToArray());
        return await ReadRegisteredAsync(connection, transaction, command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RegisteredNotice?> FindByIdAsync(NoticeId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.Command(transaction, $"""
            SELECT n.id, n.authority, n.accepted_at, {ReceiptColumns}
            FROM notices n {ReceiptJoins}
            WHERE n.id = $id;
            """)
            .With("$id", id.ToString());
        var found = await ReadRegisteredAsync(connection, transaction, command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Reads every row first, then builds each anchored notice's receipt from its batch's tree.</summary>
    private async Task<IReadOnlyList<RegisteredNotice>> ReadRegisteredAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        SqliteCommand command,
        CancellationToken cancellationToken)
    {
        var rows = new List<(NoticeId Id, AuthorityId Authority, DateTimeOffset AcceptedAt, Digest Digest, StoredReceipt? Receipt)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((
                    SqliteValues.NoticeId(reader.GetString(0)),
                    SqliteValues.Authority(reader.GetBlob(1)),
                    SqliteValues.FromMilliseconds(reader.GetInt64(2)),
                    SqliteValues.Digest(reader.GetBlob(3)),
                    ReadStoredReceipt(reader, 3)));
            }
        }

        var notices = new List<RegisteredNotice>(rows.Count);
        foreach (var (id, authority, acceptedAt, digest, stored) in rows)
        {
            var receipt = stored is null ? null : await BuildReceiptAsync(connection, transaction, authority, stored, cancellationToken).ConfigureAwait(false);
            notices.Add(new RegisteredNotice(id, authority, digest, acceptedAt, receipt));
        }

        return notices;
    }

    /// <summary>Reads the <see cref="ReceiptColumns"/> starting at <paramref name="first"/>; null while the notice's batch is not mined.</summary>
    private static StoredReceipt? ReadStoredReceipt(SqliteDataReader reader, int first)
    {
        if (reader.IsDBNull(first + 2) || reader.IsDBNull(first + 5) || reader.IsDBNull(first + 9))
        {
            return null;
        }

        return new StoredReceipt(
            SqliteValues.Digest(reader.GetBlob(first)),
            SqliteValues.Salt(reader.GetBlob(first + 1)),
            SqliteValues.ToUInt64(reader.GetInt64(first + 2)),
            reader.GetInt64(first + 3),
            SqliteValues.Hash(reader.GetBlob(first + 4)),
            SqliteValues.ChainHash(reader.GetBlob(first + 5)),
            SqliteValues.ToUInt64(reader.GetInt64(first + 6)),
            SqliteValues.ChainHash(reader.GetBlob(first + 7)),
            SqliteValues.FromMilliseconds(reader.GetInt64(first + 8)),
            SqliteValues.Address(reader.GetBlob(first + 9)),
            SqliteValues.ToUInt64(reader.GetInt64(first + 10)),
            SqliteValues.Address(reader.GetBlob(first + 11)));
    }

    /// <summary>The receipt of <paramref name="authority"/>'s notice: the audit path from the batch's (cached) tree.</summary>
    private async Task<Receipt> BuildReceiptAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        AuthorityId authority,
        StoredReceipt stored,
        CancellationToken cancellationToken) =>
        stored.Build(authority, await LoadTreeAsync(connection, transaction, stored.BatchId, cancellationToken).ConfigureAwait(false));
}
