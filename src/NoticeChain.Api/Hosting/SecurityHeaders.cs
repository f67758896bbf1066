using Microsoft.Net.Http.Headers;

namespace NoticeChain.Api.Hosting;

/// <summary>Response headers that every answer carries, errors included.</summary>
/// <remarks>
/// Set when the response starts rather than when the request arrives, because the exception handler clears the
/// headers of a failed response before writing its problem body. The content security policy is already strict
/// enough for the citizen page to come: its own scripts, styles and images, no inline code, no framing, no
/// plugins, no foreign connections. A response to a request that carried credentials is never cached.
/// </remarks>
internal static class SecurityHeaders
{
    /// <summary>The <c>Content-Security-Policy</c> of every response.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(Apply, context);
            return next(context);
        });

    private static Task Apply(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        if (context.Request.Headers.ContainsKey(HeaderNames.Authorization) && !headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
