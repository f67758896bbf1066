using Microsoft.Extensions.Options;

namespace NoticeChain.Api.Hosting;

/// <summary>Checks of raw setting values that must run before the options are bound and validated.</summary>
/// <remarks>
/// Some values bind without error into something the validators cannot look at safely: a URL without a scheme binds
/// to a relative <see cref="Uri"/>, whose <see cref="Uri.Scheme"/> throws instead of answering. Checking the text first
/// turns such a value into the same one-line message as every other bad setting.
/// </remarks>
internal static class SettingChecks
{
    /// <summary>The settings that must be absolute http(s) URLs when set.</summary>
    private static readonly string[] AbsoluteHttpUrls = ["Chain:RpcUrl", "Verify:PublicBaseUrl"];

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every unusable value.</summary>
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        foreach (var key in AbsoluteHttpUrls)
        {
            if (configuration[key] is { } value
                && !(Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
            {
                failures.Add($"{StartupErrors.VariableOf(key)}: not an absolute http(s) URL ({key}).");
            }
        }

        if (configuration[Operations.LogFormat.Key] is { } format && !Operations.LogFormat.TryParse(format, out _))
        {
            failures.Add($"{StartupErrors.VariableOf(Operations.LogFormat.Key)}: must be 'json' or 'text' ({Operations.LogFormat.Key}); it is '{format}'.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Settings", typeof(IConfiguration), failures);
        }
    }
}
