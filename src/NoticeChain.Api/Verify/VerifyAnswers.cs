using System.Globalization;
using System.Text.Json;
using NoticeChain.Api.Notices;
using NoticeChain.Core.Verification;

namespace NoticeChain.Api.Verify;

/// <summary>Writes a <see cref="VerifyOutcome"/> as the contract's <see cref="VerifyAnswer"/>.</summary>
/// <remarks>
/// Block, transaction and times come from the chain's evidence, never from the receipt (which may be stale after a
/// reorg, or forged); the authority is named only when the chain confirms the anchor.
/// </remarks>
internal static class VerifyAnswers
{
    /// <summary>The answer; <paramref name="withDocument"/> false leaves out the digest and the receipt (the answer by notice id).</summary>
    public static VerifyAnswer From(VerifyOutcome outcome, VerifyNetwork network, bool withDocument = true)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(network);
        var verification = outcome.Verification;
        var evidence = verification.Evidence;
        var anchor = verification.Anchor;
        var authority = verification.Authority;
        var revocation = verification.Status == VerificationStatus.Revoked ? evidence?.Revocation : null;
        var supersession = verification.Status == VerificationStatus.Superseded ? evidence?.Supersession : null;

        return new VerifyAnswer(
            withDocument ? outcome.Digest?.ToString() : null,
            Format(verification.Status),
            Format(verification.Finding),
            outcome.NoticeId?.ToString(),
            authority is null ? null : new AuthorityAnswer(authority.Id.ToString(), authority.Name, FormatOrNull(authority.RetiredAt)),
            FormatOrNull(anchor?.AnchoredAt),
            anchor?.Position.BlockNumber,
            anchor?.Position.TransactionHash.ToString(),
            network.ChainId,
            network.Registry?.ToString(),
            revocation is null ? null : new RevocationAnswer(
                NoticeFields.Format(revocation.Reason), Format(revocation.EffectiveAt), Format(revocation.RevokedAt)),
            supersession is null ? null : new SupersessionAnswer(
                NoticeFields.Format(supersession.Reason),
                Format(supersession.EffectiveAt),
                Format(supersession.SupersededAt),
                supersession.NewLeaf.ToString(),
                supersession.NewRoot.ToString(),
                FormatOrNull(evidence?.SupersedingAnchor?.AnchoredAt)),
            withDocument && verification.Receipt is { } receipt ? JsonDocument.Parse(receipt.ToJsonUtf8Bytes()).RootElement.Clone() : null,
            outcome.Head is not null,
            outcome.Head is { } head ? new ChainHeadAnswer(head.BlockNumber, head.BlockHash.ToString()) : null);
    }

    /// <summary>The status as the contract writes it.</summary>
    public static string Format(VerificationStatus status) => VerificationCodes.Status(status);

    /// <summary>The finding in kebab case, or null for <see cref="VerificationFinding.None"/>.</summary>
    public static string? Format(VerificationFinding finding) => VerificationCodes.Finding(finding);

    /// <summary>An instant as the contract writes it: UTC, whole seconds, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? FormatOrNull(DateTimeOffset? instant) => instant is { } value ? Format(value) : null;
}
