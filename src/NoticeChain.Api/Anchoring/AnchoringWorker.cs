using Microsoft.Extensions.Options;
using NoticeChain.Api.Hosting;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Chain.Transactions;

namespace NoticeChain.Api.Anchoring;

/// <summary>Runs the anchoring processor's passes on a timer. All logic is in <see cref="AnchorBatchProcessor"/>.</summary>
/// <remarks>
/// A pass interrupted by the node (down, timing out) is normal operation: the API keeps accepting, the backlog
/// waits in the store, and the next pass retries. Anything else is a bug or a broken store and stops the host
/// loudly rather than silently not anchoring.
/// </remarks>
internal sealed partial class AnchoringWorker(
    IServiceProvider services,
    IOptions<ChainOptions> options,
    TimeProvider timeProvider,
    ILogger<AnchoringWorker> logger) : BackgroundService
{
    private AnchorBatchProcessor? _processor;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the store it needs is opened by a hosted service registered
        // (and therefore started) before this one.
        var processor = _processor = services.GetRequiredService<AnchorBatchProcessor>();
        LogInstance(logger, processor.Holder.Value, Environment.MachineName, Environment.ProcessId, options.Value.LeaseDuration);
        return ChainPassLoop.RunAsync(
            options.Value.PassInterval,
            timeProvider,
            async ct =>
            {
                var result = await processor.RunOnceAsync(ct).ConfigureAwait(false);
                if (result.Interruption is null && result.BatchesClosed + result.TransactionsSent + result.Mined + result.Unmined + result.Replacements > 0)
                {
                    LogPass(logger, result.BatchesClosed, result.TransactionsSent, result.Mined, result.Replacements, result.Unmined);
                }

                return result.Interruption;
            },
            interruption => LogNodeUnavailable(logger, Reason(interruption)),
            () => LogNodeBack(logger),
            stoppingToken);
    }

    /// <summary>After the last pass, gives up this instance's anchoring leases, so another instance takes its
    /// authorities at once instead of after the lease duration (decision 0016).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_processor is not { } processor)
        {
            return;
        }

        try
        {
            if (await processor.ReleaseLeasesAsync(cancellationToken).ConfigureAwait(false))
            {
                LogLeasesReleased(logger, processor.Holder.Value);
            }
            else
            {
                LogLeasesLeftToExpire(logger, processor.Holder.Value, options.Value.LeaseDuration);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is gone or slow: nothing is lost, the leases expire by themselves.
            LogLeasesLeftToExpire(logger, processor.Holder.Value, options.Value.LeaseDuration);
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
        Message = "Anchoring instance {Instance} on {Machine} (process {ProcessId}) starts; it anchors for the authorities whose lease it holds, lease duration {LeaseDuration}")]
    private static partial void LogInstance(ILogger logger, string instance, string machine, int processId, TimeSpan leaseDuration);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information,
        Message = "Anchoring instance {Instance} stopped and released its anchoring leases")]
    private static partial void LogLeasesReleased(ILogger logger, string instance);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning,
        Message = "Anchoring instance {Instance} stopped without releasing its anchoring leases; other instances take over when they expire (within {LeaseDuration})")]
    private static partial void LogLeasesLeftToExpire(ILogger logger, string instance, TimeSpan leaseDuration);

    /// <summary>Why passes stop: the exception's type for node failures (whose messages may name the node's URL),
    /// the message itself for a fee cap, which names the mode and the fees and is the operator's to act on.</summary>
    private static string Reason(Exception interruption) =>
        interruption is FeeCapExceededException ? $"{nameof(FeeCapExceededException)}: {interruption.Message}" : interruption.GetType().Name;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Anchoring pass: {BatchesClosed} batches closed, {Sent} transactions sent, {Mined} mined, {Replaced} replaced, {Unmined} un-mined by a reorg")]
    private static partial void LogPass(ILogger logger, int batchesClosed, int sent, int mined, int replaced, int unmined);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "The chain node is unavailable ({Reason}); notices stay pending and anchoring resumes when it answers")]
    private static partial void LogNodeUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "The chain node answers again; anchoring resumed")]
    private static partial void LogNodeBack(ILogger logger);
}
