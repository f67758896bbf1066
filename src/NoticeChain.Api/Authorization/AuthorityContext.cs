using System.Security.Claims;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Authorization;

/// <summary>The caller as an endpoint sees it: the authority its token is bound to, its scopes and roles.</summary>
/// <remarks>
/// An endpoint takes it as a parameter (minimal APIs bind it through <see cref="BindAsync"/>), so "the caller's
/// authority id" is read in one place and every notice query can be filtered by it (invariant 4). Authentication
/// has already rejected a token whose authority claim is malformed, so here it is either absent or well-formed.
/// </remarks>
internal sealed class AuthorityContext
{
    private AuthorityContext(AuthorityId? authority, IReadOnlySet<string> scopes, bool isGovernance)
    {
        Authority = authority;
        Scopes = scopes;
        IsGovernance = isGovernance;
    }

    /// <summary>The authority the token acts for, or null for a token without one.</summary>
    public AuthorityId? Authority { get; }

    /// <summary>The token's scopes.</summary>
    public IReadOnlySet<string> Scopes { get; }

    /// <summary>Whether the token carries the governance role.</summary>
    public bool IsGovernance { get; }

    /// <summary>The authority of a caller admitted by the NoticesWrite or NoticesRevoke policy.</summary>
    /// <exception cref="InvalidOperationException">The caller has no authority: the endpoint lacks a notice policy, a programming error.</exception>
    public AuthorityId RequiredAuthority =>
        Authority ?? throw new InvalidOperationException("The caller has no authority; protect the endpoint with the NoticesWrite or NoticesRevoke policy.");

    /// <summary>Reads the caller from a principal; an unauthenticated principal has no authority, scope or role.</summary>
    public static AuthorityContext FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return new AuthorityContext(null, new HashSet<string>(), isGovernance: false);
        }

        AuthorityClaims.TryReadAuthority(principal, out var authority);
        return new AuthorityContext(authority, AuthorityClaims.ReadScopes(principal), AuthorityClaims.IsGovernance(principal));
    }

    /// <summary>Minimal-API binding: the caller of the current request.</summary>
    public static ValueTask<AuthorityContext?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<AuthorityContext?>(FromPrincipal(context.User));
    }
}
