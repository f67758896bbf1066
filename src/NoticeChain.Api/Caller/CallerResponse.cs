namespace NoticeChain.Api.Caller;

/// <summary>What the API makes of the caller's token.</summary>
/// <param name="Authority">The authority id the token is bound to (<c>0x</c> and 64 hex digits), or null.</param>
/// <param name="Scopes">The token's scopes, sorted.</param>
/// <param name="Governance">Whether the token carries the governance role.</param>
/// <param name="Permissions">The public names of the policies the token satisfies (<c>notices-write</c>, <c>notices-revoke</c>, <c>governance</c>).</param>
internal sealed record CallerResponse(string? Authority, IReadOnlyList<string> Scopes, bool Governance, IReadOnlyList<string> Permissions);
