using System.Security.Claims;
using NoticeChain.Auth;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Authorization;

/// <summary>Reads NoticeChain's claims (docs/api-auth.md) from a validated token's principal, in one place.</summary>
internal static class AuthorityClaims
{
    /// <summary>Reads the <c>authority</c> claim.</summary>
    /// <returns>
    /// True with null when the token has no authority claim, true with the id when it has exactly one well-formed
    /// one, false when it is malformed (not <c>0x</c> and 64 hex digits, or zero) or appears more than once.
    /// </returns>
    public static bool TryReadAuthority(ClaimsPrincipal principal, out AuthorityId? authority)
    {
        ArgumentNullException.ThrowIfNull(principal);
        authority = null;
        var claims = principal.FindAll(TokenClaimNames.Authority).ToList();
        if (claims.Count == 0)
        {
            return true;
        }

        if (claims.Count > 1 || !AuthorityId.TryParse(claims[0].Value, out var id))
        {
            return false;
        }

        authority = id;
        return true;
    }

    /// <summary>The token's scopes: every <c>scope</c> claim, split at spaces (RFC 6749 section 3.3).</summary>
    /// <remarks>Providers put scopes either in one space-separated string or in a JSON array; both arrive here as claims.</remarks>
    public static IReadOnlySet<string> ReadScopes(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(TokenClaimNames.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the token carries the governance role.</summary>
    public static bool IsGovernance(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.HasClaim(TokenClaimNames.Role, TokenRoles.Governance);
    }
}
