using Microsoft.Extensions.Options;
using NoticeChain.Api.Anchoring;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Api.Operations;

/// <summary>Asks the configured node for its head (<c>eth_blockNumber</c>) within <see cref="HealthOptions.ChainTimeout"/>,
/// for the readiness probe and the metrics.</summary>
/// <remarks>Its own HTTP client with the short timeout: a probe must answer quickly even when the node hangs, and must
/// not queue behind the workers' requests, which may wait 15 s.</remarks>
internal sealed class ChainHeadProbe(IHttpClientFactory httpClients, IOptions<ChainOptions> chain, IOptions<HealthOptions> health)
{
    /// <summary>The name of the probe's HTTP client.</summary>
    public const string HttpClientName = "NoticeChain.Operations.ChainProbe";

    /// <summary>True when a registry is configured, i.e. the service anchors and follows a chain.</summary>
    public bool ChainConfigured => !string.IsNullOrWhiteSpace(chain.Value.Registry);

    /// <summary>The block the follower starts at when its index is empty.</summary>
    public ulong StartBlock => chain.Value.StartBlock;

    private readonly Lock _gate = new();
    private Task<ulong?>? _inFlight;

    /// <summary>The node's head, or null when the node did not answer in time or answered with an error.</summary>
    /// <remarks>Callers that ask while a request is under way share it: the readiness probe runs its chain and
    /// follower checks at once, and both need the same head, so the node is asked once per probe, not twice.</remarks>
    public Task<ulong?> TryGetHeadAsync(CancellationToken cancellationToken)
    {
        Task<ulong?> request;
        lock (_gate)
        {
            if (_inFlight is not { IsCompleted: false })
            {
                _inFlight = AskAsync();
            }

            request = _inFlight;
        }

        return request.WaitAsync(cancellationToken);
    }

    /// <summary>One <c>eth_blockNumber</c>, bounded by <see cref="HealthOptions.ChainTimeout"/> alone: it is shared, so
    /// no single caller's cancellation may end it for the others.</summary>
    private async Task<ulong?> AskAsync()
    {
        using var timeout = new CancellationTokenSource(health.Value.ChainTimeout);
        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = health.Value.ChainTimeout;
        try
        {
            return await new EthRpcClient(http, chain.Value.RpcUrl).BlockNumberAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EthRpcClientException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}
