using Microsoft.Extensions.Options;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Api.Anchoring;

/// <summary>Holds back the chain workers' requests until <see cref="ChainIdCheck"/> has confirmed the node's chain id.</summary>
/// <remarks>
/// Sits in the workers' HTTP client, so the check that could not run at start (node down) runs at the first request
/// that can reach the node, whichever worker makes it, and before any transaction is sent. While the node is down
/// the check fails like the request would (<see cref="EthRpcTransportException"/>), which the workers treat as an
/// interrupted pass; a mismatch throws an <see cref="OptionsValidationException"/>, which no worker retries, and stops
/// the API. After the confirmation it only passes requests on.
/// </remarks>
internal sealed class ChainIdGuardHandler(ChainIdCheck check, IOptions<ChainOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!check.IsConfirmed)
        {
            // The check's own request goes past this handler to the next one; the workers' HttpClient timeout
            // still bounds the whole through the token.
            using var inner = new HttpClient(InnerHandler!, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            await check.EnsureAsync(new EthRpcClient(inner, options.Value.RpcUrl), stopOnMismatch: true, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
