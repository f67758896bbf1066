using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;

namespace NoticeChain.Api.Verify;

/// <summary>Answers the verify questions: finds what the service was told (<see cref="INoticeLookup"/>), gathers what
/// the chain says about it (<see cref="IChainIndexStore"/>, the follower's index of the registry's events) and lets
/// <see cref="NoticeVerifier"/> decide.</summary>
/// <remarks>
/// <para>
/// The store only says which receipts to check; every status comes from the chain's facts. Every question is
/// checked at the indexed chain head read when it starts (a batch at one head for all its digests); an empty index
/// checks at block 0, which makes a stored anchor <c>pending</c> (<c>awaiting-confirmation</c>), never authentic.
/// </para>
/// <para>
/// A digest may be registered by several authorities (two offices issuing the same form letter). The answer is
/// about the oldest registration the chain confirms (authentic, revoked or superseded); failing that, the oldest
/// pending one (not yet anchored, or anchored above the indexed head); failing that, unknown with the oldest
/// registration's finding.
/// </para>
/// </remarks>
internal sealed class VerificationService(INoticeLookup lookup, IChainIndexStore chain, VerifyNetwork network)
{
    /// <summary>The answer for a document's digest.</summary>
    public async Task<VerifyOutcome> ByDigestAsync(Digest digest, CancellationToken cancellationToken)
    {
        var head = await chain.GetCursorAsync(cancellationToken).ConfigureAwait(false);
        return await ByDigestAsync(digest, head, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answers for several digests, in their order, all checked at the same chain head.</summary>
    public async Task<IReadOnlyList<VerifyOutcome>> ByDigestsAsync(IReadOnlyList<Digest> digests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digests);
        var head = await chain.GetCursorAsync(cancellationToken).ConfigureAwait(false);
        var answered = new Dictionary<Digest, VerifyOutcome>();
        var outcomes = new VerifyOutcome[digests.Count];
        for (var i = 0; i < digests.Count; i++)
        {
            if (!answered.TryGetValue(digests[i], out var outcome))
            {
                outcome = await ByDigestAsync(digests[i], head, cancellationToken).ConfigureAwait(false);
                answered.Add(digests[i], outcome);
            }

            outcomes[i] = outcome;
        }

        return outcomes;
    }

    /// <summary>The answer for a notice id, or null if no authority registered a notice with it.</summary>
    public async Task<VerifyOutcome?> ByIdAsync(NoticeId id, CancellationToken cancellationToken)
    {
        var head = await chain.GetCursorAsync(cancellationToken).ConfigureAwait(false);
        var notice = await lookup.FindByIdAsync(id, cancellationToken).ConfigureAwait(false);
        if (notice is null)
        {
            return null;
        }

        var verification = notice.Receipt is { } receipt
            ? await EvaluateAsync(receipt, null, head, cancellationToken).ConfigureAwait(false)
            : NoticeVerification.AwaitingAnchor();
        return new VerifyOutcome(verification, null, notice.Id, head);
    }

    /// <summary>The answer for a presented receipt and, when known, the digest of the document it is presented with.</summary>
    /// <remarks>The store is not consulted for the verdict; it only names the notice when it holds the same leaf.</remarks>
    public async Task<VerifyOutcome> ByReceiptAsync(Receipt receipt, Digest? documentDigest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var head = await chain.GetCursorAsync(cancellationToken).ConfigureAwait(false);
        var verification = await EvaluateAsync(receipt, documentDigest, head, cancellationToken).ConfigureAwait(false);
        var registered = await lookup.FindByDigestAsync(receipt.Digest, cancellationToken).ConfigureAwait(false);
        var notice = registered.FirstOrDefault(n => n.Authority == receipt.Anchor.Authority && n.Receipt?.LeafHash == receipt.LeafHash);
        return new VerifyOutcome(verification, documentDigest ?? receipt.Digest, notice?.Id, head);
    }

    private async Task<VerifyOutcome> ByDigestAsync(Digest digest, ChainCursor? head, CancellationToken cancellationToken)
    {
        var notices = await lookup.FindByDigestAsync(digest, cancellationToken).ConfigureAwait(false);
        VerifyOutcome? firstPending = null;
        VerifyOutcome? firstUnknown = null;
        foreach (var notice in notices)
        {
            var verification = notice.Receipt is { } receipt
                ? await EvaluateAsync(receipt, digest, head, cancellationToken).ConfigureAwait(false)
                : NoticeVerification.AwaitingAnchor();
            var outcome = new VerifyOutcome(verification, digest, notice.Id, head);
            switch (verification.Status)
            {
                case VerificationStatus.Authentic or VerificationStatus.Revoked or VerificationStatus.Superseded:
                    return outcome;
                case VerificationStatus.Pending:
                    firstPending ??= outcome;
                    break;
                default:
                    firstUnknown ??= outcome;
                    break;
            }
        }

        return firstPending ?? firstUnknown ?? new VerifyOutcome(NoticeVerification.Unregistered(), digest, null, head);
    }

    /// <summary>Gathers the chain's facts about <paramref name="receipt"/> and applies the rules.</summary>
    private async Task<NoticeVerification> EvaluateAsync(Receipt receipt, Digest? documentDigest, ChainCursor? head, CancellationToken cancellationToken)
    {
        // An empty index has checked nothing: block 0 keeps every anchor pending until the follower has caught up.
        var checkedThrough = head ?? new ChainCursor(0, default);
        var nothing = new ChainEvidence(checkedThrough, null, null, null, null, null, null);
        if (!network.Covers(receipt.Anchor))
        {
            // Another network's or registry's receipt: the index cannot confirm it, however far it has got.
            var offline = NoticeVerifier.Evaluate(receipt, nothing, documentDigest);
            return offline.Finding is VerificationFinding.DigestMismatch or VerificationFinding.ProofMismatch
                ? offline
                : new NoticeVerification(VerificationStatus.Unknown, VerificationFinding.RootNotAnchored, receipt, nothing);
        }

        var anchor = await chain.GetAnchorAsync(receipt.Root, cancellationToken).ConfigureAwait(false);
        if (anchor is null)
        {
            return NoticeVerifier.Evaluate(receipt, nothing, documentDigest);
        }

        var authority = await chain.GetAuthorityAsync(anchor.Authority, cancellationToken).ConfigureAwait(false);
        var revocation = await chain.GetRevocationAsync(anchor.Authority, receipt.LeafHash, cancellationToken).ConfigureAwait(false);
        var supersession = await chain.GetSupersessionAsync(anchor.Authority, receipt.LeafHash, cancellationToken).ConfigureAwait(false);
        var supersedingAnchor = supersession is null
            ? null
            : await chain.GetAnchorAsync(supersession.NewRoot, cancellationToken).ConfigureAwait(false);

        // The key's validity is left to the verifier's rule (one of the authority's keys): the index keeps the keys,
        // not when each was current. The registry itself refuses an anchor from a key that is not current.
        var evidence = new ChainEvidence(checkedThrough, anchor, authority, null, revocation, supersession, supersedingAnchor);
        return NoticeVerifier.Evaluate(receipt, evidence, documentDigest);
    }
}
