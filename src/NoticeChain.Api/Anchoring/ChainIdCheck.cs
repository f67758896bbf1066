using Microsoft.Extensions.Options;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Api.Anchoring;

/// <summary>Compares <see cref="ChainOptions.ChainId"/> with the node's <c>eth_chainId</c>, once per process (decision 0018).</summary>
/// <remarks>
/// <para>
/// A service configured for the wrong network would name that wrong chain in every verify answer, and the node
/// would refuse its transactions if they were signed for the configured id. So the API refuses to run against a
/// node of another chain: <see cref="ChainIdStartCheck"/> asks at start and stops the start with a clear message;
/// if the node cannot be reached then, the API starts anyway (it must accept notices during a node outage) and
/// <see cref="ChainIdGuardHandler"/> asks before the workers' first request that reaches the node, stopping the
/// API on a mismatch before anything is sent.
/// </para>
/// <para>
/// The mismatch is an <see cref="OptionsValidationException"/> on <see cref="ChainOptions"/>: it is a setting that is
/// wrong for the node, and the host prints such failures as one line naming the setting.
/// </para>
/// </remarks>
internal sealed partial class ChainIdCheck(IOptions<ChainOptions> options, IHostApplicationLifetime lifetime, ILogger<ChainIdCheck> logger)
{
    private int _confirmed;

    /// <summary>True once the node answered the configured chain id.</summary>
    public bool IsConfirmed => Volatile.Read(ref _confirmed) == 1;

    /// <summary>Asks the node for its chain id unless that was confirmed already.</summary>
    /// <param name="rpc">A client for the node of <see cref="ChainOptions.RpcUrl"/>.</param>
    /// <param name="stopOnMismatch">Also stop the running application on a mismatch (after start; during start the
    /// thrown exception ends the start by itself).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OptionsValidationException">The node is on another chain.</exception>
    /// <exception cref="EthRpcClientException">The node could not be asked.</exception>
    public async Task EnsureAsync(EthRpcClient rpc, bool stopOnMismatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        if (IsConfirmed)
        {
            return;
        }

        var chain = options.Value;
        var actual = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (actual != chain.ChainId)
        {
            var message = MismatchMessage(chain, actual);
            LogMismatch(logger, chain.ChainId, actual);
            if (stopOnMismatch)
            {
                Environment.ExitCode = 2;
                lifetime.StopApplication();
            }

            throw new OptionsValidationException(Options.DefaultName, typeof(ChainOptions), [message]);
        }

        if (Interlocked.Exchange(ref _confirmed, 1) == 0)
        {
            LogConfirmed(logger, actual);
        }
    }

    /// <summary>The operator's message: both ids, the node (without any credentials in its URL) and what to change.</summary>
    internal static string MismatchMessage(ChainOptions chain, ulong actual) =>
        $"Chain:ChainId is {chain.ChainId}, but the node at {chain.RpcUrl.Scheme}://{chain.RpcUrl.Authority} answers eth_chainId {actual}: "
        + "verify answers would name the wrong network and transactions signed for it would be refused. Set NOTICECHAIN__Chain__ChainId "
        + "to the network's chain id (the genesis' config.chainId) or point NOTICECHAIN__Chain__RpcUrl at a node of that network.";

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "The chain node is on the configured chain {ChainId}")]
    private static partial void LogConfirmed(ILogger logger, ulong chainId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Critical,
        Message = "Chain:ChainId is {Configured}, but the chain node answers eth_chainId {Actual}; the API stops")]
    private static partial void LogMismatch(ILogger logger, ulong configured, ulong actual);
}
