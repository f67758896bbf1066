using Microsoft.Extensions.Logging.Console;

namespace NoticeChain.Api.Operations;

/// <summary>How the console log is written: <c>Logging:Format</c> (<c>NOTICECHAIN__Logging__Format</c>) is <c>json</c> or
/// <c>text</c>.</summary>
/// <remarks>
/// <para>
/// Without the setting the format follows where the output goes: JSON when standard output is not a terminal (a
/// container, systemd, a log shipper, a test harness), readable text when a person watches a terminal. The
/// environment name plays no part: a Development build in a container still ships JSON.
/// </para>
/// <para>
/// JSON is the built-in <see cref="ConsoleFormatterNames.Json"/> formatter, one object per line with a UTC ISO 8601
/// <c>Timestamp</c>, <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>, <c>Message</c> and <c>State</c>. Every line
/// still passes the redacting logger factory first, so neither format can show what the verify API was asked.
/// </para>
/// </remarks>
internal static class LogFormat
{
    /// <summary>The setting.</summary>
    public const string Key = "Logging:Format";

    /// <summary>The timestamp format: UTC, ISO 8601, milliseconds.</summary>
    public const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    /// <summary>Parses <c>json</c> or <c>text</c> (any case); false for anything else.</summary>
    public static bool TryParse(string? value, out bool json)
    {
        json = string.Equals(value?.Trim(), "json", StringComparison.OrdinalIgnoreCase);
        return json || string.Equals(value?.Trim(), "text", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Chooses the console formatter. An unusable value is reported by <see cref="Hosting.SettingChecks"/>.</summary>
    public static WebApplicationBuilder AddNoticeChainConsoleFormat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var setting = builder.Configuration[Key];
        var json = setting is null ? Console.IsOutputRedirected : !TryParse(setting, out var parsed) || parsed;
        builder.Services.Configure<ConsoleLoggerOptions>(options =>
            options.FormatterName = json ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple);
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = TimestampFormat;
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = TimestampFormat + " ";
        });
        return builder;
    }
}
