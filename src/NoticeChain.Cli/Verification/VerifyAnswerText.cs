using System.Globalization;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Verification;

namespace NoticeChain.Cli.Verification;

/// <summary>Writes the verify answer in plain English: one sentence with the verdict and its reason, then the checks
/// performed, each marked ✓ (passed), ✗ (failed) or – (not reached, because an earlier check decided).</summary>
internal static class VerifyAnswerText
{
    private static readonly string[] CheckNames =
    [
        "document SHA-256 equals the receipt's digest",
        "inclusion proof leads from the document's leaf to the receipt's root",
        "root is anchored in the registry",
        "anchored by the authority the receipt names",
        "anchored tree size equals the proof's tree size",
        "anchoring key was a key of that authority when it anchored",
        "not revoked by the authority",
        "not superseded by the authority",
    ];

    public static void Write(TextWriter output, VerifyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Headline(outcome));
        output.WriteLine();
        output.WriteLine("Checks:");
        output.WriteLine($"  ✓ the node is on chain {outcome.ChainId}, the receipt's network");
        output.WriteLine($"  ✓ registry {outcome.Registry} is a contract at block {outcome.Head.BlockNumber}");
        var failed = FailedCheck(outcome.Verification);
        for (var i = 0; i < CheckNames.Length; i++)
        {
            var mark = i < failed ? "✓" : i == failed ? "✗" : "–";
            var note = i > failed ? " (not checked)"
                : i == failed && outcome.Verification.Status == VerificationStatus.Pending ? " (not yet: the node has not reached the receipt's block)"
                : string.Empty;
            output.WriteLine($"  {mark} {CheckNames[i]}{note}");
        }
    }

    /// <summary>The verdict in one paragraph.</summary>
    public static string Headline(VerifyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var verification = outcome.Verification;
        var evidence = verification.Evidence!;
        var checkedAt = $" Checked against chain {outcome.ChainId} at block {outcome.Head.BlockNumber} ({outcome.Head.BlockHash}), registry {outcome.Registry}.";
        var receipt = outcome.Receipt;
        switch (verification.Status)
        {
            case VerificationStatus.Authentic:
                return $"AUTHENTIC — {Issued(verification)}; not revoked, not superseded.{Retired(verification)}{Stale(verification)}{checkedAt}";
            case VerificationStatus.Revoked:
                var revocation = evidence.Revocation!;
                return $"REVOKED — {Issued(verification)}; revoked by the authority on {Time(revocation.RevokedAt)}, reason: "
                    + $"{Reason(revocation.Reason)}, effective {Time(revocation.EffectiveAt)}.{Retired(verification)}{Stale(verification)}{checkedAt}";
            case VerificationStatus.Superseded:
                var supersession = evidence.Supersession!;
                var newAnchor = evidence.SupersedingAnchor is { } replacement
                    ? $"anchored {Time(replacement.AnchoredAt)} in block {replacement.Position.BlockNumber}"
                    : "whose root the registry has not anchored";
                return $"SUPERSEDED — {Issued(verification)}; replaced by the authority on {Time(supersession.SupersededAt)} by a newer notice "
                    + $"(leaf {supersession.NewLeaf}, {newAnchor}), reason: {Reason(supersession.Reason)}, effective {Time(supersession.EffectiveAt)}."
                    + $"{Retired(verification)}{Stale(verification)}{checkedAt}";
            case VerificationStatus.Pending:
                return $"PENDING — the receipt names block {receipt.Anchor.BlockNumber}, but this node's chain only reaches block "
                    + $"{outcome.Head.BlockNumber}: the anchor cannot be confirmed yet. Try again later, or ask a node that is in sync.{checkedAt}";
            default:
                return $"UNKNOWN — {Why(outcome)}{checkedAt}";
        }
    }

    private static string Why(VerifyOutcome outcome)
    {
        var verification = outcome.Verification;
        var receipt = outcome.Receipt;
        var anchor = verification.Evidence?.Anchor;
        return verification.Finding switch
        {
            VerificationFinding.DigestMismatch =>
                $"this document is not the one the receipt is for: its SHA-256 is {outcome.DocumentDigest}, the receipt's digest is {receipt.Digest}.",
            VerificationFinding.ProofMismatch =>
                $"the receipt's inclusion proof does not lead from the document's leaf to the receipt's root {receipt.Root}: the receipt was altered or damaged.",
            VerificationFinding.RootNotAnchored =>
                $"the registry never anchored the receipt's root {receipt.Root}; nothing on this chain vouches for the document.",
            VerificationFinding.AuthorityMismatch =>
                $"the root was anchored by {NameOf(verification.Evidence?.Authority?.Name)}authority {anchor?.Authority}, not by {receipt.Anchor.Authority} "
                + "as the receipt claims.",
            VerificationFinding.TreeSizeMismatch =>
                $"the root was anchored for a tree of {anchor?.TreeSize} notices, but the receipt's proof uses {receipt.Proof.TreeSize}.",
            VerificationFinding.KeyNotValid =>
                $"the key {anchor?.Key} that anchored the root was not a key of the authority {anchor?.Authority} at the time of anchoring.",
            _ => "the receipt could not be confirmed.",
        };
    }

    private static string NameOf(string? name) => name is null ? string.Empty : $"{name}, ";

    private static string Issued(NoticeVerification verification)
    {
        var anchor = verification.Anchor!;
        var name = verification.Authority?.Name ?? "an unnamed authority";
        return $"issued by {name} ({anchor.Authority}) on {Time(anchor.AnchoredAt)}, block {anchor.Position.BlockNumber}, "
            + $"transaction {anchor.Position.TransactionHash}";
    }

    private static string Retired(NoticeVerification verification) =>
        verification.Authority?.RetiredAt is { } retired
            ? $" The authority has been retired since {Time(retired)}; notices it anchored before stay valid."
            : string.Empty;

    /// <remarks>The receipt's chain half is a locator, never trusted: a reorganisation can re-mine the anchoring transaction in
    /// another block (the anchor stays valid), and a hand-edited locator changes nothing. The answer shows the chain's values
    /// and says when the receipt's differ.</remarks>
    private static string Stale(NoticeVerification verification)
    {
        var receipt = verification.Receipt!.Anchor;
        var anchor = verification.Anchor!;
        return verification.ReceiptLocatorMatches && receipt.AnchoringKey == anchor.Key && receipt.AnchoredAt == anchor.AnchoredAt
            ? string.Empty
            : $" Note: the receipt's own chain details (block {receipt.BlockNumber}, transaction {receipt.TransactionHash}, key {receipt.AnchoringKey}, "
                + $"time {Time(receipt.AnchoredAt)}) differ from the chain's; the chain's are shown.";
    }

    /// <summary>The index of the check that decided a negative answer, or the number of checks for an authentic one.</summary>
    private static int FailedCheck(NoticeVerification verification) => verification.Status switch
    {
        VerificationStatus.Authentic => CheckNames.Length,
        VerificationStatus.Revoked => 6,
        VerificationStatus.Superseded => 7,
        _ => verification.Finding switch
        {
            VerificationFinding.DigestMismatch => 0,
            VerificationFinding.ProofMismatch => 1,
            VerificationFinding.AuthorityMismatch => 3,
            VerificationFinding.TreeSizeMismatch => 4,
            VerificationFinding.KeyNotValid => 5,
            _ => 2,
        },
    };

    private static string Reason(RevocationReason reason) => reason switch
    {
        RevocationReason.Withdrawal => "withdrawal (Rücknahme)",
        RevocationReason.Revocation => "revocation (Widerruf)",
        RevocationReason.Correction => "correction (Berichtigung)",
        RevocationReason.Nullity => "nullity (Nichtigkeit)",
        _ => "other (Sonstiges)",
    };

    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
