namespace NoticeChain.Auth;

/// <summary>The JWT claims NoticeChain reads from an access token, beside the registered ones (<c>iss</c>, <c>aud</c>, <c>exp</c>).</summary>
/// <remarks>
/// Written here once because two parties must agree on them: whoever issues tokens (an OIDC provider in
/// production, <c>noticechain token</c> in development) and the API that reads them. docs/api-auth.md is the
/// contract an identity-provider administrator configures from.
/// </remarks>
public static class TokenClaimNames
{
    /// <summary>The authority the token acts for: <c>0x</c> and 64 hexadecimal digits, the registry's issuer id.</summary>
    /// <remarks>
    /// One claim binds a token to exactly one authority, so a municipal IT provider serving hundreds of
    /// authorities gives each authority's system its own token and none can act for another (invariant 4).
    /// </remarks>
    public const string Authority = "authority";

    /// <summary>Space-separated scopes, as in RFC 8693 section 4.2 and RFC 9068 section 2.2.3.</summary>
    public const string Scope = "scope";

    /// <summary>Roles; <see cref="TokenRoles.Governance"/> is the only one NoticeChain knows.</summary>
    public const string Role = "role";

    /// <summary>The subject, used only to tell callers apart in logs.</summary>
    public const string Subject = "sub";
}
