using NoticeChain.Core.Notices;

namespace NoticeChain.Auth;

/// <summary>What a development token grants.</summary>
/// <param name="Authority">The authority the token acts for, or null for a token without one (e.g. governance only).</param>
/// <param name="Scopes">Scopes from <see cref="TokenScopes.All"/>.</param>
/// <param name="Governance">Whether the token carries the governance role.</param>
/// <param name="Lifetime">How long the token is valid, at most <see cref="DevTokenDefaults.MaxLifetime"/>.</param>
public sealed record DevTokenRequest(AuthorityId? Authority, IReadOnlyList<string> Scopes, bool Governance, TimeSpan Lifetime);
