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
    public ulong ChainId { get; set; } = 31337;

    /// <summary>Address of the NoticeRegistry contract; empty turns anchoring off.</summary>
    public string? Registry { get; set; }

    /// <summary>The registry's deployment block: the follower indexes events from here on.</summary>
    public ulong StartBlock { get; set; }

    /// <summary>How often the anchoring worker and the follower run a pass.</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A batch closes when its oldest notice waited this long …</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>… or when it holds this many notices.</summary>
    public int MaxBatchSize { get; set; } = 4096;
}
