using NoticeChain.Chain;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Cli;

/// <summary>A connection to one node for the lifetime of one command: the HTTP client, the RPC client and the chain id.</summary>
internal sealed class ChainConnection : IDisposable
{
    private readonly HttpClient _http;

    private ChainConnection(HttpClient http, EthRpcClient rpc, ulong chainId)
    {
        _http = http;
        Rpc = rpc;
        ChainId = chainId;
    }

    public EthRpcClient Rpc { get; }

    public ulong ChainId { get; }

    /// <summary>Connects and reads the chain id, so an unreachable node fails here with one clear message.</summary>
    public static async Task<ChainConnection> OpenAsync(Uri rpcUrl, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var rpc = new EthRpcClient(http, rpcUrl);
        try
        {
            var chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
            return new ChainConnection(http, rpc, chainId);
        }
        catch (EthRpcClientException e)
        {
            http.Dispose();
            throw new CliException($"Cannot reach the node at {rpcUrl.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
    }

    /// <summary>A registry client for <paramref name="registryText"/>, optionally sending with <paramref name="key"/>
    /// in <paramref name="fees"/> mode.</summary>
    public NoticeRegistryClient Registry(string? registryText, PrivateKey? key = null, FeeMode fees = FeeMode.Eip1559)
    {
        if (string.IsNullOrWhiteSpace(registryText))
        {
            throw new CliException($"No registry address: pass --registry <address> or set {CliOptions.RegistryVariable}.");
        }

        if (!Address.TryParse(registryText.Trim(), out var address))
        {
            throw new CliException($"--registry '{registryText}' is not an address (40 hex digits; mixed case must be a valid EIP-55 checksum).");
        }

        return new NoticeRegistryClient(Rpc, address, key is null ? null : Sender(key, fees));
    }

    /// <summary>A transaction sender for <paramref name="key"/> on this chain, pricing in <paramref name="fees"/> mode.</summary>
    public TransactionSender Sender(PrivateKey key, FeeMode fees) => new(Rpc, key, ChainId, new TransactionSenderOptions { FeeMode = fees });

    public void Dispose() => _http.Dispose();
}
