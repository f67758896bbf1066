using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;

namespace NoticeChain.Cli.Verification;

/// <summary>Everything <c>noticechain verify</c> reports: the rules' answer and what it was checked against.</summary>
/// <param name="Verification">The answer of <see cref="NoticeVerifier"/>.</param>
/// <param name="DocumentDigest">The SHA-256 of the file in hand.</param>
/// <param name="ChainId">The node's chain id (equal to the receipt's, or the command stopped earlier).</param>
/// <param name="Registry">The registry that was asked.</param>
/// <param name="Head">The block every view and log was read at.</param>
internal sealed record VerifyOutcome(
    NoticeVerification Verification,
    Digest DocumentDigest,
    ulong ChainId,
    ChainAddress Registry,
    ChainCursor Head)
{
    /// <summary>The receipt that was checked (the CLI always has one).</summary>
    public Receipt Receipt => Verification.Receipt!;

    /// <summary>The exit code: 0 only for an authentic notice.</summary>
    public int ExitCode => Verification.Status == VerificationStatus.Authentic ? CliApp.Success : CliApp.Negative;
}
