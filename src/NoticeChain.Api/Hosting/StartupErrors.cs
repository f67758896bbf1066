using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NoticeChain.Auth;

namespace NoticeChain.Api.Hosting;

/// <summary>Turns the expected reasons a start fails (bad configuration, an unusable key file) into one clear message.</summary>
/// <remarks>
/// An operator who mistyped a setting needs the setting's name and what it takes, not a stack trace. Each line starts
/// with the environment variable that sets the setting it is about (<c>NOTICECHAIN__Chain__RpcUrl: …</c>), because that
/// is what a container's or a unit file's author edits.
/// </remarks>
internal static partial class StartupErrors
{
    /// <summary>Describes <paramref name="exception"/> if it is an expected start failure; false for anything else (a bug).</summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out string? message)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = new List<string>();
        if (!TryCollect(exception, lines) || lines.Count == 0)
        {
            message = null;
            return false;
        }

        message = "NoticeChain API cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "  - " + l));
        return true;
    }

    /// <summary>Adds the lines describing <paramref name="exception"/>; false if it (or one of its parts) is unexpected.</summary>
    private static bool TryCollect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                return aggregate.InnerExceptions.All(inner => TryCollect(inner, lines));
            case OptionsValidationException validation:
                lines.AddRange(validation.Failures.Select(NameVariable));
                return true;
            case DevSigningKeyException key:
                lines.Add(key.Message);
                return true;
            case InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                lines.Add(NameVariable(binding.Message));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Prefixes <paramref name="line"/> with the environment variable of the first setting it names, unless it
    /// names the variable already: <c>Chain:RpcUrl must be …</c> becomes <c>NOTICECHAIN__Chain__RpcUrl: Chain:RpcUrl must be …</c>.</summary>
    internal static string NameVariable(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var key = SettingKey().Match(line);
        if (!key.Success)
        {
            return line;
        }

        var variable = VariableOf(key.Value);
        return line.Contains(variable, StringComparison.Ordinal) ? line : $"{variable}: {line}";
    }

    /// <summary>The environment variable that sets <paramref name="key"/>: <c>Chain:RpcUrl</c> → <c>NOTICECHAIN__Chain__RpcUrl</c>.</summary>
    internal static string VariableOf(string key) => ApiHost.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A configuration key as the messages write it: capitalised sections joined by colons (<c>Chain:RpcUrl</c>),
    /// not a URL scheme or a time of day.</summary>
    [GeneratedRegex(@"(?<![\w:/])[A-Z][A-Za-z0-9]*(?::[A-Z][A-Za-z0-9]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex SettingKey();
}
