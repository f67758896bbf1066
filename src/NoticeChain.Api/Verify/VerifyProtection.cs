using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NoticeChain.Api.Hosting;

namespace NoticeChain.Api.Verify;

/// <summary>What keeps the public endpoints usable and private: per-client rate limits, CORS for them alone, and
/// verified digests kept out of the logs.</summary>
internal static class VerifyProtection
{
    /// <summary>The rate-limit policy of the single lookups.</summary>
    public const string LookupPolicy = "verify";

    /// <summary>The rate-limit policy of the batch.</summary>
    public const string BatchPolicy = "verify-batch";

    /// <summary>The CORS policy of the public endpoints: any origin, GET and POST, the Content-Type header, no credentials.</summary>
    public const string CorsPolicy = "verify-public";

    /// <summary>Registers the rate limiter, the CORS policy and the log redaction.</summary>
    public static IServiceCollection AddVerifyProtection(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LookupPolicy, context => PerClient(context, limits => limits.PermitLimit));
            options.AddPolicy(BatchPolicy, context => PerClient(context, limits => limits.BatchPermitLimit));
            options.OnRejected = RejectAsync;
        });

        // Browser code on any site (a bank's portal, another agency's form) may call the public endpoints. No
        // credentials: the endpoints need none, and a cookie or token must never ride along cross-site.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type")
            .WithExposedHeaders("Retry-After")));

        RedactingLoggerFactory.Replace(services);
        return services;
    }

    /// <summary>One fixed-window limiter per client address, with the configured limits.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, Func<VerifyRateLimitOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<VerifyOptions>>().Value.RateLimit;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(limits),
            Window = limits.Window,
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>429 as problem+json with <c>Retry-After</c> in whole seconds (at least 1).</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : context.RequestServices.GetRequiredService<IOptions<VerifyOptions>>().Value.RateLimit.Window;
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            $"Too many verify requests from this address; try again in {seconds} seconds.").ConfigureAwait(false);
    }
}
