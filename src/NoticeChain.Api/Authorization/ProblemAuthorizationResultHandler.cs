using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NoticeChain.Api.Hosting;

namespace NoticeChain.Api.Authorization;

/// <summary>Answers a refused authenticated caller with 403 problem+json naming what the token lacks.</summary>
/// <remarks>
/// The default handler answers 403 with an empty body through the scheme's forbid; here the body says which
/// scope, role or authority binding is missing, and <c>WWW-Authenticate</c> carries RFC 6750 section 3.1's
/// <c>insufficient_scope</c> with the scopes asked for, so a client can request a better token. Unauthenticated
/// callers go to the default handler, whose challenge <see cref="Authentication.BearerEvents"/> answers.
/// </remarks>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<IExplainedRequirement>().ToList() ?? [];
        var scopes = failed.Select(r => r.Scope).OfType<string>().ToList();
        context.Response.Headers.WWWAuthenticate = scopes.Count == 0
            ? "Bearer error=\"insufficient_scope\""
            : $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\"";
        var detail = failed.Count == 0
            ? "The token does not grant this operation."
            : string.Join(' ', failed.Select(r => r.Explanation));
        return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, detail);
    }
}
