using Microsoft.AspNetCore.Authorization;
using NoticeChain.Auth;

namespace NoticeChain.Api.Authorization;

/// <summary>Registers the policies and the problem+json answer to refused requests.</summary>
internal static class AuthorizationSetup
{
    /// <remarks>
    /// The fallback policy requires an authenticated caller, so an endpoint is protected unless it opts out with
    /// <c>AllowAnonymous</c> (health, OpenAPI, later the public verify API): forgetting an attribute fails closed.
    /// </remarks>
    public static IServiceCollection AddNoticeChainAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.NoticesWrite, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new AuthorityRequirement(), new ScopeRequirement(TokenScopes.NoticesWrite)))
            .AddPolicy(Policies.NoticesRevoke, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new AuthorityRequirement(), new ScopeRequirement(TokenScopes.NoticesRevoke)))
            .AddPolicy(Policies.Governance, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new GovernanceRequirement()));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
