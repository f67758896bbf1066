namespace NoticeChain.Auth;

/// <summary>The scopes an authority's token can carry.</summary>
/// <remarks>
/// Registering and revoking are separate scopes because they are separate duties in an authority: the
/// case-management system that sends every final notice should not also be able to revoke one.
/// </remarks>
public static class TokenScopes
{
    /// <summary>Register notices of the token's authority.</summary>
    public const string NoticesWrite = "notices:write";

    /// <summary>Revoke or supersede notices of the token's authority.</summary>
    public const string NoticesRevoke = "notices:revoke";

    /// <summary>Every scope NoticeChain knows, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [NoticesWrite, NoticesRevoke];

    /// <summary>Whether <paramref name="scope"/> is one of <see cref="All"/> (ordinal, case-sensitive as in RFC 6749 section 3.3).</summary>
    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
