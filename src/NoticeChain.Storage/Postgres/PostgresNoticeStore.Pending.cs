using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Postgres;

/// <summary>The count of notices not anchored yet, for metrics and the stop report.</summary>
public sealed partial class PostgresNoticeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingNoticeCount>> CountPendingNoticesAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(transaction, """
            SELECT authority, sum(unbatched)::bigint, sum(in_batches)::bigint FROM (
                SELECT authority, count(*) AS unbatched, 0::bigint AS in_batches FROM notices WHERE batch_id IS NULL GROUP BY authority
                UNION ALL
                SELECT a.authority, 0::bigint, sum(b.tree_size)::bigint FROM chain_actions a JOIN batches b ON b.action_id = a.id
                WHERE a.mined_tx IS NULL GROUP BY a.authority
            ) pending GROUP BY authority ORDER BY authority;
            """);
        var counts = new List<PendingNoticeCount>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts.Add(new PendingNoticeCount(reader.GetAuthority(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }
}
