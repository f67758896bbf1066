using System.Net;
using Microsoft.Extensions.Logging;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Hosting;

/// <summary>Tokens never reach the log, even at the most verbose level, whether they are accepted or refused.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Neither_an_accepted_nor_a_refused_token_appears_in_any_log_line()
    {
        var logs = new CapturingLoggerProvider();
        await using var api = await ApiServer.StartAsync(configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        var token = api.Mint(TestAuthorities.Full());
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}x.{parts[2]}";

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me", tampered)).StatusCode);
        await api.DisposeAsync();

        // The capture works and saw the refusal; it saw no part of either token.
        Assert.Contains(logs.Lines, line => line.Contains("Request starting", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("JwtBearerHandler", StringComparison.Ordinal) && line.Contains("not authenticated", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(parts[1], StringComparison.Ordinal) || line.Contains(parts[2], StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Bearer ey", StringComparison.Ordinal));
    }
}
