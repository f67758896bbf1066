using Microsoft.Extensions.Options;
using NoticeChain.Api.Hosting;
using NoticeChain.Chain.Anchoring;

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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the store it needs is opened by a hosted service registered
        // (and therefore started) before this one.
        var processor = services.GetRequiredService<AnchorBatchProcessor>();
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
            interruption => LogNodeUnavailable(logger, interruption.GetType().Name),
            () => LogNodeBack(logger),
            stoppingToken);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Anchoring pass: {BatchesClosed} batches closed, {Sent} transactions sent, {Mined} mined, {Replaced} replaced, {Unmined} un-mined by a reorg")]
    private static partial void LogPass(ILogger logger, int batchesClosed, int sent, int mined, int replaced, int unmined);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "The chain node is unavailable ({Reason}); notices stay pending and anchoring resumes when it answers")]
    private static partial void LogNodeUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "The chain node answers again; anchoring resumed")]
    private static partial void LogNodeBack(ILogger logger);
}
