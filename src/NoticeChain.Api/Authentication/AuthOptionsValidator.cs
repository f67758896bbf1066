using Microsoft.Extensions.Options;

namespace NoticeChain.Api.Authentication;

/// <summary>Checks the <c>Auth</c> section at start (ValidateOnStart), naming each wrong setting and what it takes.</summary>
/// <remarks>
/// The rules are the issue's: production tokens need a fixed issuer and audience and keys from an OIDC provider
/// or a JWKS URL over HTTPS; development tokens use fixed values, so production settings there are a mistake
/// (someone meant Production) rather than something to ignore.
/// </remarks>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Mode))
        {
            failures.Add("Auth:Mode is required (NOTICECHAIN__Auth__Mode): 'Development' trusts the dev signing key in the data folder "
                + "(tokens from 'noticechain token'); 'Production' trusts an OIDC provider (Auth:Authority) or a JWKS URL (Auth:JwksUrl).");
            return ValidateOptionsResult.Fail(failures);
        }

        if (!Enum.GetNames<AuthMode>().Contains(options.Mode, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Auth:Mode is '{options.Mode}'; it must be 'Development' or 'Production'.");
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > AuthOptions.MaxClockSkew)
        {
            failures.Add($"Auth:ClockSkew is {options.ClockSkew}; it must be between 00:00:00 and {AuthOptions.MaxClockSkew}.");
        }

        if (options.ParsedMode == AuthMode.Development)
        {
            foreach (var (setting, value) in ProductionSettings(options))
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    failures.Add($"Auth:{setting} is set, but Auth:Mode is Development, whose issuer, audience and key are fixed; set Auth:Mode=Production to use it.");
                }
            }
        }
        else
        {
            ValidateProduction(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateProduction(AuthOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Auth:Issuer is required in Production mode (NOTICECHAIN__Auth__Issuer): the exact 'iss' of the provider's tokens.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Audience is required in Production mode (NOTICECHAIN__Auth__Audience): the 'aud' the provider issues for this API.");
        }

        bool hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        bool hasJwks = !string.IsNullOrWhiteSpace(options.JwksUrl);
        if (hasAuthority == hasJwks)
        {
            failures.Add(hasAuthority
                ? "Auth:Authority and Auth:JwksUrl are both set; give one source of signing keys."
                : "Production mode needs a source of signing keys: Auth:Authority (an OIDC provider's issuer URL, NOTICECHAIN__Auth__Authority) "
                  + "or Auth:JwksUrl (a JWKS document, NOTICECHAIN__Auth__JwksUrl).");
        }

        if (hasAuthority)
        {
            ValidateUrl("Authority", options.Authority!, failures);
        }

        if (hasJwks)
        {
            ValidateUrl("JwksUrl", options.JwksUrl!, failures);
        }
    }

    private static void ValidateUrl(string setting, string text, List<string> failures)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Auth:{setting} is '{text}'; it must be an absolute https URL.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            // Keys fetched over plain http could be swapped by anyone on the path; http stays on the machine (tests).
            failures.Add($"Auth:{setting} is '{text}'; signing keys are fetched over https only (plain http only on the loopback interface).");
        }
    }

    private static IEnumerable<(string Setting, string? Value)> ProductionSettings(AuthOptions options) =>
    [
        ("Issuer", options.Issuer),
        ("Audience", options.Audience),
        ("Authority", options.Authority),
        ("JwksUrl", options.JwksUrl),
    ];
}
