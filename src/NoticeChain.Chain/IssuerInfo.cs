using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain;

/// <summary>An issuing authority as the registry holds it (<c>getIssuer</c>).</summary>
/// <param name="IssuerId">The authority's permanent id.</param>
/// <param name="Name">The display name set at registration.</param>
/// <param name="CurrentKey">The key that may anchor now; after retirement, the last key the authority had.</param>
/// <param name="RegisteredAt">Block time of the registration.</param>
/// <param name="RetiredAt">Block time of the retirement, or null while the authority is active.</param>
/// <param name="Keys">Every key the authority ever had, oldest first; the last is <paramref name="CurrentKey"/>.</param>
public sealed record IssuerInfo(
    IssuerId IssuerId,
    string Name,
    Address CurrentKey,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RetiredAt,
    IReadOnlyList<Address> Keys)
{
    /// <summary>Whether the authority was retired: its old anchors stay valid, but it cannot anchor or revoke any more.</summary>
    public bool IsRetired => RetiredAt is not null;
}
