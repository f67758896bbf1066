using NoticeChain.Core.Receipts;

namespace NoticeChain.Api.Verify;

/// <summary>The network and registry the service checks against, as configured in the <c>Chain</c> section.</summary>
/// <param name="ChainId">The network's chain id.</param>
/// <param name="Registry">The registry the follower indexes, or null when none is configured (nothing is then indexed).</param>
internal sealed record VerifyNetwork(ulong ChainId, ChainAddress? Registry)
{
    /// <summary>Whether a receipt's anchor names this network and registry; the index knows nothing about any other.</summary>
    public bool Covers(ReceiptAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return anchor.ChainId == ChainId && (Registry is not { } registry || anchor.Registry == registry);
    }
}
