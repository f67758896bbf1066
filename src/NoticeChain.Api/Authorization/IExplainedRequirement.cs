using Microsoft.AspNetCore.Authorization;

namespace NoticeChain.Api.Authorization;

/// <summary>A requirement that can tell a caller, in a 403 answer, what its token lacks.</summary>
internal interface IExplainedRequirement : IAuthorizationRequirement
{
    /// <summary>One sentence saying what the token must carry.</summary>
    string Explanation { get; }

    /// <summary>The scope this requirement asks for, for the <c>scope</c> parameter of <c>WWW-Authenticate</c>; null if none.</summary>
    string? Scope { get; }
}
