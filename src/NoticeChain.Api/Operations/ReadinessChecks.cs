using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Api.Operations;

/// <summary>The store answers a cheap query (the chain index's cursor, one row).</summary>
/// <remarks>The description names the failure's kind only: a driver's message may carry a host name or a user.</remarks>
internal sealed class StoreReadinessCheck(IServiceProvider services, IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(health.Value.ChainTimeout);
        try
        {
            await services.GetRequiredService<IChainIndexStore>().GetCursorAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e is OperationCanceledException
                ? $"the store did not answer within {health.Value.ChainTimeout.TotalSeconds:0.#} s"
                : $"the store did not answer ({e.GetType().Name})");
        }
    }
}

/// <summary>The chain node answers <c>eth_blockNumber</c> in time; registered only when a registry is configured.</summary>
internal sealed class ChainReadinessCheck(ChainHeadProbe probe, IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.TryGetHeadAsync(cancellationToken).ConfigureAwait(false) is { } head
            ? HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["height"] = head })
            : HealthCheckResult.Unhealthy($"the chain node (Chain:RpcUrl) did not answer eth_blockNumber within {health.Value.ChainTimeout.TotalSeconds:0.#} s");
}

/// <summary>The chain index is at most <see cref="HealthOptions.MaxFollowerLagBlocks"/> behind the node's head;
/// registered only when a registry is configured.</summary>
/// <remarks>Verify answers come from the index: a lagging index would call a freshly revoked notice authentic.</remarks>
internal sealed class FollowerReadinessCheck(IServiceProvider services, ChainHeadProbe probe, IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await probe.TryGetHeadAsync(cancellationToken).ConfigureAwait(false) is not { } head)
        {
            return HealthCheckResult.Unhealthy("the follower's lag is unknown: the chain node did not answer");
        }

        ChainCursor? cursor;
        try
        {
            cursor = await services.GetRequiredService<IChainIndexStore>().GetCursorAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the follower's lag is unknown: the store did not answer ({e.GetType().Name})");
        }

        var lag = Lag(head, cursor, probe.StartBlock);
        var data = new Dictionary<string, object> { ["lagBlocks"] = lag, ["maxLagBlocks"] = health.Value.MaxFollowerLagBlocks };
        return lag <= health.Value.MaxFollowerLagBlocks
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy($"the chain index is {lag} blocks behind the node's head (at most {health.Value.MaxFollowerLagBlocks}, Health:MaxFollowerLagBlocks)", data: data);
    }

    /// <summary>Blocks between the node's head and the last indexed block (the start block while nothing is indexed).</summary>
    public static ulong Lag(ulong head, ChainCursor? cursor, ulong startBlock)
    {
        var indexed = cursor?.BlockNumber ?? startBlock;
        return head > indexed ? head - indexed : 0;
    }
}
