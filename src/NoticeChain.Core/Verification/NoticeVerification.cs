using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Verification;

/// <summary>The outcome of verifying one document or receipt against the chain.</summary>
/// <param name="Status">The answer.</param>
/// <param name="Finding">Why, for <see cref="VerificationStatus.Unknown"/> and <see cref="VerificationStatus.Pending"/>.</param>
/// <param name="Receipt">The receipt that was checked, or null (unregistered, or registered but not anchored).</param>
/// <param name="Evidence">What the chain said, or null when nothing was looked up.</param>
public sealed record NoticeVerification(
    VerificationStatus Status,
    VerificationFinding Finding,
    Receipt? Receipt,
    ChainEvidence? Evidence)
{
    /// <summary>The anchor the answer rests on, when the status is authentic, revoked or superseded.</summary>
    public AnchorFact? Anchor => Status is VerificationStatus.Authentic or VerificationStatus.Revoked or VerificationStatus.Superseded
        ? Evidence?.Anchor
        : null;

    /// <summary>The issuing authority as the chain describes it, when the anchor is confirmed.</summary>
    public AuthorityRecord? Authority => Anchor is null ? null : Evidence?.Authority;

    /// <summary>True when the receipt's transaction and block are those the chain shows for the anchor. A receipt
    /// whose anchor moved (a reorg re-mined the same transaction in another block) is still valid; its locator
    /// is stale and the answer reports the chain's values.</summary>
    public bool ReceiptLocatorMatches => Receipt is not null && Anchor is { } anchor
        && anchor.Position.TransactionHash == Receipt.Anchor.TransactionHash
        && anchor.Position.BlockHash == Receipt.Anchor.BlockHash
        && anchor.Position.BlockNumber == Receipt.Anchor.BlockNumber;

    /// <summary>Nothing anchored: the document is unknown for <paramref name="finding"/>.</summary>
    public static NoticeVerification Unregistered(VerificationFinding finding = VerificationFinding.NotRegistered) =>
        new(VerificationStatus.Unknown, finding, null, null);

    /// <summary>Registered and durable, waiting for its anchor.</summary>
    public static NoticeVerification AwaitingAnchor() =>
        new(VerificationStatus.Pending, VerificationFinding.AwaitingAnchor, null, null);

    /// <summary>The authority the receipt names (the claim, not yet the chain's word).</summary>
    public AuthorityId ClaimedAuthority => Receipt?.Anchor.Authority ?? default;
}
