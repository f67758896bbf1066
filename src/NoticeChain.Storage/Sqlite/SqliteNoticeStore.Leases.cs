using Microsoft.Data.Sqlite;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Sqlite;

/// <summary>Anchoring leases (decision 0016): rows with an expiry, written under the file's write lock.</summary>
/// <remarks>
/// Processes that share a SQLite file share a machine (SQLite over a network file system is not supported), so the
/// store's <see cref="TimeProvider"/> is the one clock all of them read; <c>BEGIN IMMEDIATE</c> makes the check
/// "free, expired or mine" and the write one step against every other process.
/// </remarks>
public sealed partial class SqliteNoticeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AnchoringLease>> AcquireLeasesAsync(
        LeaseHolderId holder,
        IReadOnlyCollection<AuthorityId> authorities,
        TimeSpan duration,
        CancellationToken cancellationToken = default)
    {
        var (holderText, wanted) = LeaseArguments.Check(holder, authorities, duration);
        if (wanted.Count == 0)
        {
            return [];
        }

        var now = SqliteValues.ToMilliseconds(_time.GetUtcNow());
        var expires = checked(now + (long)Math.Ceiling(duration.TotalMilliseconds));
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var upsert = connection.Command(transaction, """
            INSERT INTO anchoring_leases (authority, holder, acquired_at, expires_at) VALUES ($authority, $holder, $now, $expires)
            ON CONFLICT (authority) DO UPDATE SET
                acquired_at = CASE WHEN holder = excluded.holder AND expires_at > $now THEN acquired_at ELSE excluded.acquired_at END,
                holder = excluded.holder,
                expires_at = excluded.expires_at
            WHERE holder = excluded.holder OR expires_at <= $now;
            """).With("$authority", Array.Empty<byte>()).With("$holder", holderText).With("$now", now).With("$expires", expires))
        {
            foreach (var authority in wanted)
            {
                await upsert.Set("$authority", authority.ToArray()).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var held = await ReadLeasesAsync(connection, transaction, holderText, now, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        var asked = wanted.ToHashSet();
        return [.. held.Where(lease => asked.Contains(lease.Authority))];
    }

    /// <inheritdoc />
    public async Task<int> ReleaseLeasesAsync(LeaseHolderId holder, CancellationToken cancellationToken = default)
    {
        var holderText = LeaseArguments.Holder(holder);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var release = connection.Command(null, "DELETE FROM anchoring_leases WHERE holder = $holder;").With("$holder", holderText);
        return await release.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnchoringLease>> ListLeasesAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadLeasesAsync(connection, null, null, SqliteValues.ToMilliseconds(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unexpired leases, of one holder or of all, by authority.</summary>
    private static async Task<List<AnchoringLease>> ReadLeasesAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string? holder,
        long now,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, """
            SELECT authority, holder, acquired_at, expires_at FROM anchoring_leases
            WHERE expires_at > $now AND ($holder IS NULL OR holder = $holder) ORDER BY authority;
            """).With("$now", now).With("$holder", holder);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<AnchoringLease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new AnchoringLease(
                SqliteValues.Authority(reader.GetBlob(0)),
                new LeaseHolderId(reader.GetString(1)),
                SqliteValues.FromMilliseconds(reader.GetInt64(2)),
                SqliteValues.FromMilliseconds(reader.GetInt64(3))));
        }

        return leases;
    }
}
