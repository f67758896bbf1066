namespace NoticeChain.Api.Hosting;

/// <summary>Writes an RFC 9457 problem response from middleware and authentication events, where no endpoint result exists.</summary>
internal static class Problems
{
    /// <summary>Writes <c>application/problem+json</c> with <paramref name="status"/> and <paramref name="detail"/>.</summary>
    /// <remarks>
    /// Goes through <see cref="TypedResults.Problem(string?, string?, int?, string?, string?, IDictionary{string, object?}?)"/>,
    /// which uses the registered problem details service (so the customizations apply) and writes JSON even when
    /// the client's Accept header names no JSON type: an error must never arrive as an empty body.
    /// </remarks>
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
    }
}
