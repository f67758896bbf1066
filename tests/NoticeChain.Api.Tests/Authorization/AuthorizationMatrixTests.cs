using System.Net;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Tests.Authorization;

/// <summary>
/// The authorization matrix: every kind of token against every policy, through the same middleware later notice
/// endpoints use (the diagnostics endpoints <c>/api/v1/me/permissions/{name}</c> carry the policies).
/// </summary>
public sealed class AuthorizationMatrixTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private ApiServer Api => fixture.Server;

    public static TheoryData<string, string, HttpStatusCode> Matrix => new()
    {
        { "write", "notices-write", HttpStatusCode.NoContent },
        { "write", "notices-revoke", HttpStatusCode.Forbidden },
        { "write", "governance", HttpStatusCode.Forbidden },
        { "revoke", "notices-write", HttpStatusCode.Forbidden },
        { "revoke", "notices-revoke", HttpStatusCode.NoContent },
        { "revoke", "governance", HttpStatusCode.Forbidden },
        { "write+revoke", "notices-write", HttpStatusCode.NoContent },
        { "write+revoke", "notices-revoke", HttpStatusCode.NoContent },
        { "write+revoke", "governance", HttpStatusCode.Forbidden },
        { "authority-only", "notices-write", HttpStatusCode.Forbidden },
        { "authority-only", "notices-revoke", HttpStatusCode.Forbidden },
        { "authority-only", "governance", HttpStatusCode.Forbidden },
        { "scopes-without-authority", "notices-write", HttpStatusCode.Forbidden },
        { "scopes-without-authority", "notices-revoke", HttpStatusCode.Forbidden },
        { "scopes-without-authority", "governance", HttpStatusCode.Forbidden },
        { "governance", "notices-write", HttpStatusCode.Forbidden },
        { "governance", "notices-revoke", HttpStatusCode.Forbidden },
        { "governance", "governance", HttpStatusCode.NoContent },
        { "everything", "notices-write", HttpStatusCode.NoContent },
        { "everything", "notices-revoke", HttpStatusCode.NoContent },
        { "everything", "governance", HttpStatusCode.NoContent },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_policy_admits_exactly_the_tokens_that_grant_it(string token, string permission, HttpStatusCode expected)
    {
        var response = await Api.GetAsync("/api/v1/me/permissions/" + permission, Api.Mint(Request(token)));

        if (expected == HttpStatusCode.Forbidden)
        {
            await ProblemAssert.IsForbiddenAsync(response);
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_token_without_notices_write_is_refused_with_the_missing_scope_named()
    {
        var response = await Api.GetAsync("/api/v1/me/permissions/notices-write", Api.Mint(Request("revoke")));

        var problem = await ProblemAssert.IsForbiddenAsync(response);
        Assert.Equal("error=\"insufficient_scope\", scope=\"notices:write\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
        Assert.Contains("'notices:write'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notice_scopes_without_an_authority_are_refused_with_the_missing_binding_named()
    {
        var response = await Api.GetAsync("/api/v1/me/permissions/notices-write", Api.Mint(Request("scopes-without-authority")));

        var problem = await ProblemAssert.IsForbiddenAsync(response);
        Assert.Contains("not bound to an authority", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_governance_policy_refuses_a_token_without_the_role()
    {
        var response = await Api.GetAsync("/api/v1/me/permissions/governance", Api.Mint(Request("write+revoke")));

        var problem = await ProblemAssert.IsForbiddenAsync(response);
        Assert.Contains("'governance'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NOTICES:WRITE")]
    [InlineData("notices:write-all")]
    [InlineData("notices:writer")]
    [InlineData("notices")]
    public async Task Scopes_match_exactly(string scope)
    {
        var token = SignedWith(claims => claims[TokenClaimNames.Scope] = scope);

        await ProblemAssert.IsForbiddenAsync(await Api.GetAsync("/api/v1/me/permissions/notices-write", token));
    }

    [Fact]
    public async Task Scopes_given_as_a_JSON_array_are_read_too()
    {
        var token = SignedWith(claims => claims[TokenClaimNames.Scope] = new[] { "openid", TokenScopes.NoticesWrite });

        Assert.Equal(HttpStatusCode.NoContent, (await Api.GetAsync("/api/v1/me/permissions/notices-write", token)).StatusCode);
        await ProblemAssert.IsForbiddenAsync(await Api.GetAsync("/api/v1/me/permissions/notices-revoke", token));
    }

    [Fact]
    public async Task A_role_array_containing_governance_grants_governance()
    {
        var token = SignedWith(claims => claims[TokenClaimNames.Role] = new[] { "auditor", TokenRoles.Governance });

        Assert.Equal(HttpStatusCode.NoContent, (await Api.GetAsync("/api/v1/me/permissions/governance", token)).StatusCode);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("05562004-BAU")]
    [InlineData("2fe8bbb3f22dc6c47a21c1ba77e4f0b8cf7af1c1e5fb3e1f6c7c0a7e3b1d2c4a")]
    [InlineData("0x2fe8bbb3f22dc6c47a21c1ba77e4f0b8cf7af1c1e5fb3e1f6c7c0a7e3b1d2c4")]
    [InlineData("0x2fe8bbb3f22dc6c47a21c1ba77e4f0b8cf7af1c1e5fb3e1f6c7c0a7e3b1d2c4ag")]
    [InlineData("0X2fe8bbb3f22dc6c47a21c1ba77e4f0b8cf7af1c1e5fb3e1f6c7c0a7e3b1d2c4a")]
    [InlineData(" 0x2fe8bbb3f22dc6c47a21c1ba77e4f0b8cf7af1c1e5fb3e1f6c7c0a7e3b1d2c4a")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public async Task A_malformed_authority_claim_fails_authentication(string authority)
    {
        var token = SignedWith(claims => claims[TokenClaimNames.Authority] = authority);

        var problem = await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync("/api/v1/me", token));
        Assert.Contains("'authority' claim", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_authority_claims_fail_authentication()
    {
        var token = SignedWith(claims => claims[TokenClaimNames.Authority] = new[] { TestAuthorities.Bauamt.ToString(), AnotherAuthority().ToString() });

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync("/api/v1/me/permissions/notices-write", token));
    }

    [Fact]
    public async Task A_non_string_authority_claim_fails_authentication()
    {
        var token = SignedWith(claims => claims[TokenClaimNames.Authority] = 5562004);

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync("/api/v1/me", token));
    }

    [Fact]
    public async Task An_authority_in_upper_case_hex_is_accepted_and_reported_in_lower_case()
    {
        var upper = "0x" + TestAuthorities.Bauamt.ToString()[2..].ToUpperInvariant();
        var token = SignedWith(claims => claims[TokenClaimNames.Authority] = upper);

        var response = await Api.GetAsync("/api/v1/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TestAuthorities.Bauamt.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_permission_name_is_a_404_problem()
    {
        var response = await Api.GetAsync("/api/v1/me/permissions/notices-delete", Api.Mint(Request("everything")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static DevTokenRequest Request(string kind) => kind switch
    {
        "write" => new(TestAuthorities.Bauamt, [TokenScopes.NoticesWrite], false, Lifetime),
        "revoke" => new(TestAuthorities.Bauamt, [TokenScopes.NoticesRevoke], false, Lifetime),
        "write+revoke" => new(TestAuthorities.Bauamt, TokenScopes.All, false, Lifetime),
        "authority-only" => new(TestAuthorities.Bauamt, [], false, Lifetime),
        "scopes-without-authority" => new(null, TokenScopes.All, false, Lifetime),
        "governance" => new(null, [], true, Lifetime),
        "everything" => new(TestAuthorities.Bauamt, TokenScopes.All, true, Lifetime),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such token in the matrix."),
    };

    private static AuthorityId AnotherAuthority() => new(NoticeChain.Chain.IssuerId.FromAuthorityCode("05913000-JA").ToArray());

    private string SignedWith(Action<Dictionary<string, object?>> change)
    {
        using var key = Api.LoadDevKey();
        var claims = RawJwt.DevClaims(TestAuthorities.Bauamt.ToString());
        change(claims);
        return RawJwt.SignWithDevKey(key, RawJwt.Header("ES256", key.KeyId), claims);
    }
}
