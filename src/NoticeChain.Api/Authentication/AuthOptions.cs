namespace NoticeChain.Api.Authentication;

/// <summary>How the API authenticates callers: the <c>Auth</c> configuration section (<c>NOTICECHAIN__Auth__*</c>).</summary>
/// <remarks>
/// Text rather than typed members (enum, <see cref="Uri"/>) so that a wrong value reaches
/// <see cref="AuthOptionsValidator"/>, which names the setting and the values it takes, instead of failing in
/// the configuration binder with a conversion message. docs/api-auth.md lists every setting.
/// </remarks>
internal sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The largest clock skew tolerated when checking <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary><c>Development</c> or <c>Production</c>; required, so a deployment never falls into development keys by omission.</summary>
    public string? Mode { get; set; }

    /// <summary>Production: the exact <c>iss</c> of the provider's tokens.</summary>
    public string? Issuer { get; set; }

    /// <summary>Production: the <c>aud</c> the provider puts in tokens for this API.</summary>
    public string? Audience { get; set; }

    /// <summary>Production: the OIDC provider's issuer URL; keys come from its discovery document.</summary>
    public string? Authority { get; set; }

    /// <summary>Production: a JWKS URL, for providers without OIDC discovery.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>Clock skew tolerated on <c>exp</c> and <c>nbf</c>, at most 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = MaxClockSkew;

    /// <summary>The parsed mode; only meaningful after validation.</summary>
    public AuthMode ParsedMode => Enum.Parse<AuthMode>(Mode!, ignoreCase: true);
}
