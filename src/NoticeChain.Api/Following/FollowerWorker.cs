using Microsoft.Extensions.Options;
using NoticeChain.Api.Anchoring;
using NoticeChain.Api.Hosting;
using NoticeChain.Chain.Following;

namespace NoticeChain.Api.Following;

/// <summary>Runs the registry follower's passes on a timer, so what the service reports comes from the chain.</summary>
/// <remarks>All logic is in <see cref="RegistryFollower"/>; a pass the node interrupts is retried on the next tick.</remarks>
internal sealed partial class FollowerWorker(
    IServiceProvider services,
    IOptions<ChainOptions> options,
    TimeProvider timeProvider,
    ILogger<FollowerWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: the store it needs is opened by a hosted service registered
        // (and therefore started) before this one.
        var follower = services.GetRequiredService<RegistryFollower>();
        return ChainPassLoop.RunAsync(
            options.Value.PassInterval,
            timeProvider,
            async ct =>
            {
                var result = await follower.RunOnceAsync(ct).ConfigureAwait(false);
                if (result.RewoundTo is { } rewound)
                {
                    LogRewound(logger, rewound);
                }

                if (result.EventsIndexed > 0)
                {
                    LogIndexed(logger, result.EventsIndexed, result.Cursor?.BlockNumber ?? 0);
                }

                return result.Interruption;
            },
            interruption => LogNodeUnavailable(logger, interruption.GetType().Name),
            () => LogNodeBack(logger),
            stoppingToken);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Indexed {Count} registry events up to block {Block}")]
    private static partial void LogIndexed(ILogger logger, int count, ulong block);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Reorg: the chain index was rewound to block {Block}")]
    private static partial void LogRewound(ILogger logger, ulong block);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "The chain node answers again; the chain index resumed")]
    private static partial void LogNodeBack(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "The chain node is unavailable ({Reason}); the chain index resumes when it answers")]
    private static partial void LogNodeUnavailable(ILogger logger, string reason);
}
