using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NoticeChain.Api.Operations;

/// <summary>The body of <c>/health/ready</c>: the overall verdict and each check with its status and, when failing,
/// the reason.</summary>
/// <remarks>
/// <code>{"status":"not-ready","checks":[{"name":"store","status":"ok"},{"name":"chain","status":"failing","reason":"…"}]}</code>
/// The reasons are the checks' own descriptions, written to name a setting or a failure's kind, never a connection
/// string, a URL or a driver's message.
/// </remarks>
internal static class ReadinessResponse
{
    /// <summary>Writes <paramref name="report"/> as JSON.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var json = new Utf8JsonWriter(context.Response.Body);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status == HealthStatus.Healthy ? "ready" : "not-ready");
            json.WriteStartArray("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("status", entry.Status == HealthStatus.Healthy ? "ok" : "failing");
                if (entry.Status != HealthStatus.Healthy)
                {
                    json.WriteString("reason", entry.Description ?? "failed");
                }

                foreach (var (key, value) in entry.Data)
                {
                    if (value is ulong number)
                    {
                        json.WriteNumber(key, number);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
