namespace NoticeChain.Api.Operations;

/// <summary>What <c>/health/ready</c> tolerates (<c>Health</c> section; <c>NOTICECHAIN__Health__MaxFollowerLagBlocks</c>, …).</summary>
internal sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Health";

    /// <summary>The service is not ready while the chain index is more than this many blocks behind the node's head.</summary>
    /// <remarks>
    /// Verify answers come from the index, so a lagging follower answers from an old chain state: a fresh revocation
    /// would still read as authentic. 50 blocks is under a minute on a QBFT network with short block periods, and well
    /// above the one or two blocks a follower pass normally trails by.
    /// </remarks>
    public ulong MaxFollowerLagBlocks { get; set; } = 50;

    /// <summary>How long the readiness probe and a metrics scrape wait for the node's <c>eth_blockNumber</c>.</summary>
    public TimeSpan ChainTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
