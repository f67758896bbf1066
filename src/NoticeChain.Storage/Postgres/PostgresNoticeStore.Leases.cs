using Npgsql;
using NpgsqlTypes;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage.Postgres;

/// <summary>Anchoring leases (decision 0016): rows with an expiry by the server's clock.</summary>
/// <remarks>
/// <para>
/// One <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c> per call takes or renews every lease asked for: PostgreSQL
/// locks the conflicting row and evaluates the condition "mine, or expired" on its newest version, so two workers
/// racing for an authority get one winner without an explicit lock, and the rows are visited in authority order so
/// overlapping requests cannot deadlock.
/// </para>
/// <para>
/// Expiry is the server's <c>now()</c> (the start of the statement), never a worker's clock: workers on different
/// machines may disagree about the time, the database is the one clock they share. Starting early makes a lease
/// granted under contention end a little sooner, never later, which keeps the worker's own deadline (measured
/// from before it asked) on the safe side.
/// </para>
/// </remarks>
public sealed partial class PostgresNoticeStore
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

        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var upsert = connection.Command(null, """
            INSERT INTO anchoring_leases AS lease (authority, holder, acquired_at, expires_at)
            SELECT wanted.authority, @holder, now(), now() + @duration
            FROM unnest(@authorities) WITH ORDINALITY AS wanted (authority, position)
            ORDER BY wanted.position
            ON CONFLICT (authority) DO UPDATE SET
                acquired_at = CASE WHEN lease.holder = excluded.holder AND lease.expires_at > now() THEN lease.acquired_at
                                   ELSE excluded.acquired_at END,
                holder = excluded.holder,
                expires_at = excluded.expires_at
            WHERE lease.holder = excluded.holder OR lease.expires_at <= now()
            RETURNING authority, holder, acquired_at, expires_at;
            """)
            .WithText("holder", holderText)
            .With("duration", NpgsqlDbType.Interval, duration)
            .With("authorities", NpgsqlDbType.Array | NpgsqlDbType.Bytea, wanted.Select(a => a.ToArray()).ToArray());
        var leases = await ReadLeasesAsync(upsert, cancellationToken).ConfigureAwait(false);
        return [.. leases.OrderBy(lease => lease.Authority.ToString(), StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<int> ReleaseLeasesAsync(LeaseHolderId holder, CancellationToken cancellationToken = default)
    {
        var holderText = LeaseArguments.Holder(holder);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var release = connection.Command(null, "DELETE FROM anchoring_leases WHERE holder = @holder;").WithText("holder", holderText);
        return await release.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnchoringLease>> ListLeasesAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var list = connection.Command(null, """
            SELECT authority, holder, acquired_at, expires_at FROM anchoring_leases WHERE expires_at > now() ORDER BY authority;
            """);
        return await ReadLeasesAsync(list, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<AnchoringLease>> ReadLeasesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<AnchoringLease>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new AnchoringLease(
                reader.GetAuthority(0),
                new LeaseHolderId(reader.GetString(1)),
                reader.GetTime(2),
                reader.GetTime(3)));
        }

        return leases;
    }
}
