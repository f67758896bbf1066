using Microsoft.AspNetCore.Authorization;

namespace NoticeChain.Api.Authorization;

/// <summary>The token carries <see cref="Scope"/>; its own handler, so it needs no registration.</summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IExplainedRequirement
{
    public string Scope { get; } = scope;

    public string Explanation => $"The token lacks the scope '{Scope}'.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (AuthorityClaims.ReadScopes(context.User).Contains(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
