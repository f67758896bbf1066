namespace NoticeChain.Api.Authorization;

/// <summary>The authorization policies endpoints name, and the names integrators see for them.</summary>
internal static class Policies
{
    /// <summary>Register notices: a token bound to an authority, with scope <c>notices:write</c>.</summary>
    public const string NoticesWrite = nameof(NoticesWrite);

    /// <summary>Revoke or supersede notices: a token bound to an authority, with scope <c>notices:revoke</c>.</summary>
    public const string NoticesRevoke = nameof(NoticesRevoke);

    /// <summary>Registry administration: the <c>governance</c> role.</summary>
    public const string Governance = nameof(Governance);

    /// <summary>Each policy with its public name, as used in <c>/api/v1/me/permissions/{name}</c> and in <c>/api/v1/me</c>.</summary>
    public static IReadOnlyList<(string Name, string Policy)> Published { get; } =
    [
        ("notices-write", NoticesWrite),
        ("notices-revoke", NoticesRevoke),
        ("governance", Governance),
    ];
}
