namespace NoticeChain.Chain.Anchoring;

// Step 1 of a pass: close batches over the authorities' pending notices.
public sealed partial class AnchorBatchProcessor
{
    /// <summary>Closes every full batch, and flushes a backlog whose oldest notice has waited the window.</summary>
    /// <remarks>
    /// Only for the authorities whose lease this worker holds. Store only, so notices accepted while the node is
    /// down are batched on time and go out as soon as it returns.
    /// A flushed backlog goes out entirely, in batches of at most the maximum size: the notices behind the oldest
    /// one have waited less, but holding them back would only add a transaction later.
    /// </remarks>
    private async Task CloseBatchesAsync(Pass pass, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var backlog in await _store.ListPendingBacklogsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!Holds(backlog.Authority))
            {
                // Another worker's authority, or one no worker of this keyring can sign for: its notices wait.
                ReportKeyless(backlog.Authority);
                continue;
            }

            var windowElapsed = now - backlog.OldestAcceptedAt >= _options.BatchWindow;
            var remaining = (long)backlog.Count;
            while (remaining >= _options.MaxBatchSize || (windowElapsed && remaining > 0))
            {
                var batch = await _store.CreateBatchAsync(backlog.Authority, _options.MaxBatchSize, cancellationToken).ConfigureAwait(false);
                if (batch is null)
                {
                    break;
                }

                remaining -= (long)batch.TreeSize;
                pass.Result.BatchesClosed++;
                Report(
                    AnchoringEventKind.BatchClosed,
                    batch.Id,
                    batch.Authority,
                    detail: $"{batch.TreeSize} notices, root {batch.Root}");
            }
        }
    }
}
