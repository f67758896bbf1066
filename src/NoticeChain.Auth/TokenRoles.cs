namespace NoticeChain.Auth;

/// <summary>Values of the <see cref="TokenClaimNames.Role"/> claim.</summary>
public static class TokenRoles
{
    /// <summary>Registry administration: add, rotate and retire authorities' keys (invariant 4).</summary>
    /// <remarks>A role rather than a scope because it belongs to people of the governance body, not to an authority's system.</remarks>
    public const string Governance = "governance";
}
