using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using NoticeChain.Api.Authorization;

namespace NoticeChain.Api.Caller;

/// <summary><c>/api/v1/me</c>: what the API makes of the caller's token, for integrators setting up their identity provider.</summary>
/// <remarks>
/// The permission checks are a diagnostics feature, not test scaffolding: an authority's IT provider configures
/// claims in its own identity provider and needs a way to see whether the resulting token would be allowed to
/// register or revoke notices, without registering or revoking anything. Each check runs the same policy, through
/// the same authorization middleware, as the real endpoints (decision 0010).
/// </remarks>
internal static class CallerApi
{
    public static IEndpointRouteBuilder MapCallerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/me")
            .WithTags("Me")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("", GetMeAsync)
            .WithName("GetMe")
            .WithSummary("The caller's authority, scopes, governance role and the policies its token satisfies.");

        foreach (var (name, policy) in Policies.Published)
        {
            group.MapGet("/permissions/" + name, CheckPermission)
                .RequireAuthorization(policy)
                .WithName("CheckPermission" + policy)
                .WithSummary($"204 if the caller's token satisfies '{name}'; 403 problem+json naming what it lacks otherwise.")
                .ProducesProblem(StatusCodes.Status403Forbidden);
        }

        return routes;
    }

    private static async Task<Ok<CallerResponse>> GetMeAsync(AuthorityContext caller, ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var permissions = new List<string>();
        foreach (var (name, policy) in Policies.Published)
        {
            if ((await authorization.AuthorizeAsync(user, policy).ConfigureAwait(false)).Succeeded)
            {
                permissions.Add(name);
            }
        }

        var scopes = caller.Scopes.Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new CallerResponse(caller.Authority?.ToString(), scopes, caller.IsGovernance, permissions));
    }

    private static NoContent CheckPermission() => TypedResults.NoContent();
}
