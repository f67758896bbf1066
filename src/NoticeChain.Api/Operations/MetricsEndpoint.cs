using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Api.Operations;

/// <summary><c>GET /metrics</c>: the Prometheus text exposition (format 0.0.4) of NoticeChain's own metrics.</summary>
/// <remarks>
/// Counters and histograms come from <see cref="NoticeMetrics"/>; gauges (pending notices, chain height, follower lag)
/// are read from the store and the node when scraped, so they are never stale. A node that does not answer within
/// <see cref="HealthOptions.ChainTimeout"/> leaves out the height and lag samples and sets <c>noticechain_chain_up</c>
/// to 0, rather than failing the scrape. Nothing exposed names a document, a digest or a notice.
/// </remarks>
internal static class MetricsEndpoint
{
    /// <summary>The path.</summary>
    public const string Path = "/metrics";

    /// <summary>Writes the exposition.</summary>
    public static async Task<IResult> GetAsync(
        NoticeMetrics metrics,
        AnchoredNoticesTracker anchored,
        PendingNotices pending,
        ChainHeadProbe chain,
        IServiceProvider services,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        await anchored.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        var pendingCounts = await pending.CountAsync(cancellationToken).ConfigureAwait(false);
        var cursor = await services.GetRequiredService<IChainIndexStore>().GetCursorAsync(cancellationToken).ConfigureAwait(false);
        var head = chain.ChainConfigured ? await chain.TryGetHeadAsync(cancellationToken).ConfigureAwait(false) : null;

        var accepted = metrics.AcceptedTotals;
        var anchoredTotals = metrics.AnchoredTotals;
        var authorities = accepted.Keys.Concat(anchoredTotals.Keys).Concat(pendingCounts.Keys).Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal).ToList();

        var text = new PrometheusTextWriter();
        PerAuthority(text, "noticechain_notices_accepted_total", "counter", "Notices newly accepted by this process, per authority.", authorities, a => accepted.GetValueOrDefault(a));
        PerAuthority(text, "noticechain_notices_pending", "gauge", "Notices accepted and not yet anchored (waiting for a batch or in a batch not yet mined), per authority.", authorities, a => pendingCounts.GetValueOrDefault(a).Total);
        PerAuthority(text, "noticechain_notices_anchored_total", "counter", "Notices in batches first seen mined by this process, per authority.", authorities, a => anchoredTotals.GetValueOrDefault(a));
        text.Histogram("noticechain_batch_size", "Notices per anchored batch.", metrics.BatchSize.Snapshot());
        text.Histogram("noticechain_anchor_latency_seconds", "Seconds from a notice's acceptance to the timestamp of the block that anchored it.", metrics.AnchorLatency.Snapshot());

        text.Family("noticechain_chain_up", "gauge", "1 when the chain node answered eth_blockNumber for this scrape, 0 when it did not or no chain is configured.")
            .Sample("noticechain_chain_up", head is null ? 0 : 1);
        text.Family("noticechain_chain_height", "gauge", "The chain node's head block number.");
        if (head is { } height)
        {
            text.Sample("noticechain_chain_height", height);
        }

        text.Family("noticechain_follower_indexed_block", "gauge", "The last block the registry follower indexed.");
        if (cursor is not null)
        {
            text.Sample("noticechain_follower_indexed_block", cursor.BlockNumber);
        }

        text.Family("noticechain_follower_lag_blocks", "gauge", "Blocks between the chain node's head and the follower's last indexed block.");
        if (head is not null)
        {
            text.Sample("noticechain_follower_lag_blocks", FollowerReadinessCheck.Lag(head.Value, cursor, chain.StartBlock));
        }

        text.Family("noticechain_verify_requests_total", "counter", "Verify answers by status (a batch counts each digest).");
        foreach (var status in NoticeMetrics.VerifyStatuses)
        {
            text.Sample("noticechain_verify_requests_total", metrics.VerifiedTotal(status), ("status", status));
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Text(text.ToString(), PrometheusTextWriter.ContentType);
    }

    private static void PerAuthority(PrometheusTextWriter text, string name, string type, string help, IReadOnlyList<AuthorityId> authorities, Func<AuthorityId, double> value)
    {
        text.Family(name, type, help);
        foreach (var authority in authorities)
        {
            text.Sample(name, value(authority), ("authority", authority.ToString()));
        }
    }
}
