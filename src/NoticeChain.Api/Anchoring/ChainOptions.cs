using NoticeChain.Chain.Transactions;

namespace NoticeChain.Api.Anchoring;

/// <summary>Which network and registry the service anchors on and follows (<c>Chain</c> section; <c>NOTICECHAIN__Chain__RpcUrl</c>, …).</summary>
/// <remarks>
/// Anchoring is on when <see cref="Registry"/> is set. Without it the API still accepts notices durably; they
/// stay pending until a registry is configured, which is what "accepted data is never lost" asks for.
/// </remarks>
public sealed class ChainOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Chain";

    /// <summary>JSON-RPC URL of a node of the network.</summary>
    public Uri RpcUrl { get; set; } = new("http://127.0.0.1:8545");

    /// <summary>The network's chain id (EIP-155), named in every verify answer; 31337 is the local dev chain's.</summary>
    /// <remarks>With anchoring on, compared with the node's <c>eth_chainId</c> at start (<see cref="ChainIdCheck"/>,
    /// decision 0018): a mismatch stops the API.</remarks>
    public ulong ChainId { get; set; } = 31337;

    /// <summary>How transactions pay for gas: <c>eip1559</c> (default), <c>legacy</c>, or <c>free</c> for a zero-fee
    /// network such as the Besu network of docker-compose.yml (<see cref="FeeMode"/>, decision 0018).</summary>
    public FeeMode Fees { get; set; } = FeeMode.Eip1559;

    /// <summary>Address of the NoticeRegistry contract; empty turns anchoring off.</summary>
    public string? Registry { get; set; }

    /// <summary>The registry's deployment block: the follower indexes events from here on.</summary>
    public ulong StartBlock { get; set; }

    /// <summary>How often the anchoring worker and the follower run a pass.</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long an authority's anchoring lease lasts without renewal (decision 0016); 15 s by default.</summary>
    /// <remarks>Several API instances on one database: if the instance anchoring for an authority dies or loses the
    /// database, another takes over at most this long after its last renewal. Must exceed two pass intervals.</remarks>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A batch closes when its oldest notice waited this long …</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>… or when it holds this many notices.</summary>
    public int MaxBatchSize { get; set; } = 4096;
}
