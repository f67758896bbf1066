using Microsoft.AspNetCore.Authorization;
using NoticeChain.Auth;

namespace NoticeChain.Api.Authorization;

/// <summary>The token is bound to exactly one well-formed authority; its own handler, so it needs no registration.</summary>
/// <remarks>
/// Every notice operation acts for one authority (invariant 4), so a token without an <c>authority</c> claim,
/// such as a governance officer's, is refused for them even if it carries a notice scope.
/// </remarks>
internal sealed class AuthorityRequirement : AuthorizationHandler<AuthorityRequirement>, IExplainedRequirement
{
    public string Explanation => $"The token is not bound to an authority (claim '{TokenClaimNames.Authority}').";

    string? IExplainedRequirement.Scope => null;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AuthorityRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (AuthorityClaims.TryReadAuthority(context.User, out var authority) && authority is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
