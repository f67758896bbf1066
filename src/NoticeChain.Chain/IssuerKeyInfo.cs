using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain;

/// <summary>A signing key as the registry holds it (<c>getKey</c>): its authority and validity window.</summary>
/// <remarks>
/// A key belongs to one authority for ever, so a root anchored with a key that was later rotated out still
/// names its authority. The window is for display and audit: the contract itself refuses anchors outside it,
/// and both ends are inclusive because a rotation and an anchor can share a block time.
/// </remarks>
/// <param name="Key">The key's address.</param>
/// <param name="IssuerId">The authority the key belongs to.</param>
/// <param name="ValidFrom">Block time at which the key was registered or rotated in.</param>
/// <param name="ValidUntil">Block time at which it was rotated out or its authority retired; null while current.</param>
public sealed record IssuerKeyInfo(Address Key, IssuerId IssuerId, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil)
{
    /// <summary>Whether the key can still anchor, revoke and supersede for its authority.</summary>
    public bool IsCurrent => ValidUntil is null;
}
