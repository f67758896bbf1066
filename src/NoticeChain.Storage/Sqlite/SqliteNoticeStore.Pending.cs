using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The count of notices not anchored yet, for metrics and the stop report.</summary>
public sealed partial class SqliteNoticeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingNoticeCount>> CountPendingNoticesAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.Command(transaction, """
            SELECT authority, sum(unbatched), sum(in_batches) FROM (
                SELECT authority, count(*) AS unbatched, 0 AS in_batches FROM notices WHERE batch_id IS NULL GROUP BY authority
                UNION ALL
                SELECT a.authority, 0, sum(b.tree_size) FROM chain_actions a JOIN batches b ON b.action_id = a.id
                WHERE a.mined_tx IS NULL GROUP BY a.authority
            ) GROUP BY authority ORDER BY authority;
            """);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<PendingNoticeCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new PendingNoticeCount(SqliteValues.Authority(reader.GetBlob(0)), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return counts;
    }
}
