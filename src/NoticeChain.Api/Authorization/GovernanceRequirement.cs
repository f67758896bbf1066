using Microsoft.AspNetCore.Authorization;
using NoticeChain.Auth;

namespace NoticeChain.Api.Authorization;

/// <summary>The token carries the governance role; its own handler, so it needs no registration.</summary>
internal sealed class GovernanceRequirement : AuthorizationHandler<GovernanceRequirement>, IExplainedRequirement
{
    public string Explanation => $"The token lacks the role '{TokenRoles.Governance}' (claim '{TokenClaimNames.Role}').";

    string? IExplainedRequirement.Scope => null;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GovernanceRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (AuthorityClaims.IsGovernance(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
