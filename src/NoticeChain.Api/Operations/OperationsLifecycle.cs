namespace NoticeChain.Api.Operations;

/// <summary>Starts the anchored-notices tracker once the store is open, and at stop logs how many notices are still
/// pending.</summary>
/// <remarks>
/// Registered after the store's hosted service and before the chain workers: hosted services stop in reverse order,
/// so the workers have finished their passes when this counts, and the store is still open.
/// </remarks>
internal sealed partial class OperationsLifecycle(
    AnchoredNoticesTracker tracker,
    PendingNotices pending,
    ILogger<OperationsLifecycle> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tracker.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var counts = (await pending.CountAsync(cancellationToken).ConfigureAwait(false)).Values.ToList();
            var unbatched = counts.Sum(c => c.Unbatched);
            var inBatches = counts.Sum(c => c.InBatches);
            LogStopped(logger, unbatched + inBatches, unbatched, inBatches);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e.GetType().Name;
            LogNotCounted(logger, reason);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Stopping with {Pending} notices pending ({Unbatched} waiting for a batch, {InBatches} in batches not yet mined); they are kept in the store and anchored after the next start")]
    private static partial void LogStopped(ILogger logger, long pending, long unbatched, long inBatches);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Stopping; the pending notices could not be counted ({Reason})")]
    private static partial void LogNotCounted(ILogger logger, string reason);
}
