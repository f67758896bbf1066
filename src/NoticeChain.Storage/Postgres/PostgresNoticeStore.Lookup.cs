using Npgsql;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Verification;

namespace NoticeChain.Storage.Postgres;

/// <summary>The public verify API's side: notices by digest or id across all authorities, with their receipts.</summary>
public sealed partial class PostgresNoticeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RegisteredNotice>> FindByDigestAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(transaction, $"""
            SELECT n.id, n.authority, n.accepted_at, {PostgresNoticeRows.ReceiptColumns}
            {PostgresNoticeRows.ReceiptFrom}
            WHERE n.digest = @digest ORDER BY n.accepted_at, n.seq LIMIT {INoticeLookup.MaxMatchesPerDigest};
            """).WithBytes("digest", digest.ToArray());
        return await ReadRegisteredAsync(connection, transaction, command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RegisteredNotice?> FindByIdAsync(NoticeId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(transaction, $"""
            SELECT n.id, n.authority, n.accepted_at, {PostgresNoticeRows.ReceiptColumns}
            {PostgresNoticeRows.ReceiptFrom}
            WHERE n.id = @id;
            """).WithId("id", id);
        return (await ReadRegisteredAsync(connection, transaction, command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>Reads the rows first (one reader per connection), then builds each receipt from its batch's tree.</summary>
    private async Task<IReadOnlyList<RegisteredNotice>> ReadRegisteredAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        NpgsqlCommand command,
        CancellationToken cancellationToken)
    {
        var rows = new List<(NoticeId Id, AuthorityId Authority, DateTimeOffset AcceptedAt, StoredReceipt? Receipt, Digest Digest)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetNoticeId(0), reader.GetAuthority(1), reader.GetTime(2), PostgresNoticeRows.ReadReceipt(reader, 3), reader.GetDigest(3)));
            }
        }

        var notices = new List<RegisteredNotice>(rows.Count);
        foreach (var (id, authority, acceptedAt, stored, digest) in rows)
        {
            var receipt = stored?.Build(authority, await LoadTreeAsync(connection, transaction, stored.BatchId, cancellationToken).ConfigureAwait(false));
            notices.Add(new RegisteredNotice(id, authority, digest, acceptedAt, receipt));
        }

        return notices;
    }
}
