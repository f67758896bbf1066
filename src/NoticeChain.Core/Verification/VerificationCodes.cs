using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Verification;

/// <summary>The words the verify answers use on the wire (API JSON, CLI <c>--json</c>, the receipt's reason codes):
/// one spelling for every producer, so an answer from the service and one from the CLI compare equal.</summary>
public static class VerificationCodes
{
    /// <summary>The status: <c>authentic</c>, <c>revoked</c>, <c>superseded</c>, <c>pending</c> or <c>unknown</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined status.</exception>
    public static string Status(VerificationStatus status) => status switch
    {
        VerificationStatus.Authentic => "authentic",
        VerificationStatus.Revoked => "revoked",
        VerificationStatus.Superseded => "superseded",
        VerificationStatus.Pending => "pending",
        VerificationStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a verification status."),
    };

    /// <summary>The finding in kebab case (<c>root-not-anchored</c>), or null for <see cref="VerificationFinding.None"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined finding.</exception>
    public static string? Finding(VerificationFinding finding) => finding switch
    {
        VerificationFinding.None => null,
        VerificationFinding.NotRegistered => "not-registered",
        VerificationFinding.AwaitingAnchor => "awaiting-anchor",
        VerificationFinding.AwaitingConfirmation => "awaiting-confirmation",
        VerificationFinding.DigestMismatch => "digest-mismatch",
        VerificationFinding.ProofMismatch => "proof-mismatch",
        VerificationFinding.RootNotAnchored => "root-not-anchored",
        VerificationFinding.AuthorityMismatch => "authority-mismatch",
        VerificationFinding.TreeSizeMismatch => "tree-size-mismatch",
        VerificationFinding.KeyNotValid => "key-not-valid",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "Not a verification finding."),
    };

    /// <summary>The revocation reason as the registry names its codes, lower case (<c>withdrawal</c> … <c>other</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined reason.</exception>
    public static string Reason(RevocationReason reason) => reason switch
    {
        RevocationReason.Withdrawal => "withdrawal",
        RevocationReason.Revocation => "revocation",
        RevocationReason.Correction => "correction",
        RevocationReason.Nullity => "nullity",
        RevocationReason.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a revocation reason."),
    };
}
