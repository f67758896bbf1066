using Microsoft.Extensions.Options;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Api.Anchoring;

/// <summary>Runs <see cref="ChainIdCheck"/> when the host starts, before the anchoring worker and the follower.</summary>
/// <remarks>
/// A mismatch fails the start (the exception reaches Program.cs, which prints it as one message and exits with 2).
/// A node that cannot be reached is only a warning: the API starts, accepts notices durably, and the check runs
/// again before the workers' first request (<see cref="ChainIdGuardHandler"/>).
/// </remarks>
internal sealed partial class ChainIdStartCheck(
    ChainIdCheck check,
    IHttpClientFactory httpClients,
    IOptions<ChainOptions> options,
    ILogger<ChainIdStartCheck> logger) : IHostedService
{
    /// <summary>The named HTTP client of the start check: a short timeout, so an unreachable node delays the start
    /// by seconds at most.</summary>
    public const string HttpClientName = nameof(ChainIdStartCheck);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            await check.EnsureAsync(new EthRpcClient(http, options.Value.RpcUrl), stopOnMismatch: false, cancellationToken).ConfigureAwait(false);
        }
        catch (EthRpcClientException error)
        {
            LogNotChecked(logger, error.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning,
        Message = "The chain node cannot be asked for its chain id at start ({Reason}); the API starts and checks Chain:ChainId before the first anchoring request")]
    private static partial void LogNotChecked(ILogger logger, string reason);
}
