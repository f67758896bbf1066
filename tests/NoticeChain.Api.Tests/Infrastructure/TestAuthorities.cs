using NoticeChain.Auth;
using NoticeChain.Chain;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>Authorities and token requests the tests use.</summary>
internal static class TestAuthorities
{
    /// <summary>The code of a building authority, as a state's register spells it.</summary>
    public const string BauamtCode = "05562004-BAU";

    /// <summary>Its issuer id (keccak256 of the code, decision 0006).</summary>
    public static AuthorityId Bauamt { get; } = new(IssuerId.FromAuthorityCode(BauamtCode).ToArray());

    public static DevTokenRequest Full(AuthorityId? authority = null) =>
        new(authority ?? Bauamt, TokenScopes.All, Governance: false, TimeSpan.FromMinutes(10));

    public static DevTokenRequest WithScopes(params string[] scopes) =>
        new(Bauamt, scopes, Governance: false, TimeSpan.FromMinutes(10));
}
