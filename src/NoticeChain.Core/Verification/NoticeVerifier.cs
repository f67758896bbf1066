using NoticeChain.Core.Hashing;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Verification;

/// <summary>The verification rules, shared by the verify API and the independent CLI verifier.</summary>
/// <remarks>
/// <para>
/// A receipt is a claim; the chain is the judge. The rules, in order (docs/verify-api.md, "How an answer is
/// reached"):
/// </para>
/// <list type="number">
/// <item>If the document's digest is known, it must equal the receipt's digest.</item>
/// <item>The leaf <c>SHA-256(0x00 || salt || digest)</c> must lead along the audit path to the receipt's root (RFC 9162).</item>
/// <item>The registry must have anchored that root. If it has not, and the chain checked has not reached the receipt's
/// block, the answer is pending; otherwise unknown.</item>
/// <item>The anchor's authority must be the receipt's authority, its tree size the proof's tree size, and its key a
/// key of that authority at the time of anchoring.</item>
/// <item>Then a revocation of the leaf by that authority makes it revoked, a supersession superseded, and otherwise it
/// is authentic.</item>
/// </list>
/// <para>Nothing here trusts the receipt's chain half: transaction, block and time in an answer come from the evidence.</para>
/// </remarks>
public static class NoticeVerifier
{
    /// <summary>Applies the rules to <paramref name="receipt"/> and what the chain said about it.</summary>
    /// <param name="receipt">The receipt presented or built from the store.</param>
    /// <param name="evidence">The chain's facts about the receipt's root and leaf.</param>
    /// <param name="documentDigest">The SHA-256 of the document in hand, when the verifier has the document.</param>
    /// <exception cref="ArgumentNullException"><paramref name="receipt"/> or <paramref name="evidence"/> is null.</exception>
    public static NoticeVerification Evaluate(Receipt receipt, ChainEvidence evidence, Digest? documentDigest = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(evidence);

        var offline = receipt.Verify(documentDigest ?? receipt.Digest);
        if (offline != ReceiptVerificationResult.Verified)
        {
            var finding = offline == ReceiptVerificationResult.DigestMismatch ? VerificationFinding.DigestMismatch : VerificationFinding.ProofMismatch;
            return new NoticeVerification(VerificationStatus.Unknown, finding, receipt, evidence);
        }

        if (evidence.Anchor is not { } anchor)
        {
            return evidence.CheckedThrough.BlockNumber < receipt.Anchor.BlockNumber
                ? new NoticeVerification(VerificationStatus.Pending, VerificationFinding.AwaitingConfirmation, receipt, evidence)
                : new NoticeVerification(VerificationStatus.Unknown, VerificationFinding.RootNotAnchored, receipt, evidence);
        }

        if (anchor.Root != receipt.Root || anchor.Authority != receipt.Anchor.Authority)
        {
            return new NoticeVerification(VerificationStatus.Unknown, VerificationFinding.AuthorityMismatch, receipt, evidence);
        }

        if (anchor.TreeSize != receipt.Proof.TreeSize)
        {
            return new NoticeVerification(VerificationStatus.Unknown, VerificationFinding.TreeSizeMismatch, receipt, evidence);
        }

        var keyValid = evidence.KeyValidAtAnchoring
            ?? (evidence.Authority is { } authority && authority.Id == anchor.Authority && authority.Keys.Contains(anchor.Key));
        if (!keyValid || evidence.Authority is null || evidence.Authority.Id != anchor.Authority)
        {
            return new NoticeVerification(VerificationStatus.Unknown, VerificationFinding.KeyNotValid, receipt, evidence);
        }

        if (evidence.Revocation is { } revocation && revocation.Authority == anchor.Authority && revocation.Leaf == receipt.LeafHash)
        {
            return new NoticeVerification(VerificationStatus.Revoked, VerificationFinding.None, receipt, evidence);
        }

        if (evidence.Supersession is { } supersession && supersession.Authority == anchor.Authority && supersession.OldLeaf == receipt.LeafHash)
        {
            return new NoticeVerification(VerificationStatus.Superseded, VerificationFinding.None, receipt, evidence);
        }

        return new NoticeVerification(VerificationStatus.Authentic, VerificationFinding.None, receipt, evidence);
    }
}
