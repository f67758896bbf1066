namespace NoticeChain.Core.Notices;

/// <summary>The store's answer to a revocation request.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Request">The request on record for the notice after the call, if any: the new one, or the one that
/// was there before.</param>
public sealed record RevocationRequestResult(RevocationRequestOutcome Outcome, RevocationRequest? Request);
