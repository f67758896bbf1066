namespace NoticeChain.Core.Notices;

/// <summary>An authority's request to revoke one of its notices, waiting for the anchoring worker.</summary>
/// <param name="Reason">Why the notice is revoked.</param>
/// <param name="EffectiveAt">When the revocation takes legal effect (whole seconds, see <see cref="EffectiveDate"/>).</param>
/// <param name="RequestedAt">When the store recorded the request.</param>
/// <remarks>
/// A request is not a revocation: the notice stays in force until the registry's <c>Revoked</c> event is indexed,
/// because a verifier asks the chain, not the operator.
/// </remarks>
public sealed record RevocationRequest(RevocationReason Reason, DateTimeOffset EffectiveAt, DateTimeOffset RequestedAt);
