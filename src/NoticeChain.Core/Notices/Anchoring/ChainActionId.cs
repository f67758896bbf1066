using System.Globalization;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>The store's id of a chain action (a batch to anchor, a revocation, a supersession).</summary>
/// <param name="Value">A positive number, unique across all kinds of action, increasing in creation order.</param>
public readonly record struct ChainActionId(long Value)
{
    /// <summary>The number in decimal.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
