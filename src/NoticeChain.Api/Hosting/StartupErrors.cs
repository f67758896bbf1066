using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using NoticeChain.Auth;

namespace NoticeChain.Api.Hosting;

/// <summary>Turns the expected reasons a start fails (bad configuration, an unusable key file) into one clear message.</summary>
/// <remarks>An operator who mistyped a setting needs the setting's name and what it takes, not a stack trace.</remarks>
internal static class StartupErrors
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
                lines.AddRange(validation.Failures);
                return true;
            case DevSigningKeyException key:
                lines.Add(key.Message);
                return true;
            case InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                lines.Add(binding.Message);
                return true;
            default:
                return false;
        }
    }
}
