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

    /// <summary>The node's head, or null when the node did not answer in time or answered with an error.</summary>
    public async Task<ulong?> TryGetHeadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(health.Value.ChainTimeout);
        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = health.Value.ChainTimeout;
        try
        {
            return await new EthRpcClient(http, chain.Value.RpcUrl).BlockNumberAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EthRpcClientException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
