using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NoticeChain.Api.Notices;

/// <summary>Reads a JSON request body within a size limit and deserializes it strictly.</summary>
/// <remarks>
/// The body is kept as bytes because the <c>Idempotency-Key</c> fingerprint is the SHA-256 of exactly those bytes;
/// the limit is checked against <c>Content-Length</c> first and again while reading, for chunked bodies.
/// </remarks>
internal static class JsonBody
{
    /// <summary>Reads the body, or answers 415 (not JSON) or 413 (over <paramref name="maxBytes"/>).</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, UnsupportedMediaType("application/json"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Deserializes <paramref name="body"/>, or answers 400 naming where the JSON went wrong.</summary>
    /// <remarks>
    /// The serializer's message is not passed on: it names .NET types. The JSON path of the error is, so the
    /// field is named (an unknown member is reported at the object that holds it).
    /// </remarks>
    public static (T? Value, ProblemHttpResult? Problem) Deserialize<T>(byte[] body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            return value is null
                ? (null, NoticeProblems.For(StatusCodes.Status400BadRequest, NoticeProblems.Body, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) ? NoticeProblems.Body : exception.Path;
            return (null, NoticeProblems.For(
                StatusCodes.Status400BadRequest,
                field,
                "The JSON is malformed, has an unknown or repeated member, or a value of the wrong type here.",
                "The request body is not valid JSON of the documented shape."));
        }
    }

    /// <summary>415 naming the accepted media types.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string accepted) =>
        NoticeProblems.For(StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"The body must be {accepted}.");

    /// <summary>413 naming the limit.</summary>
    public static ProblemHttpResult TooLarge(long maxBytes) =>
        NoticeProblems.For(StatusCodes.Status413PayloadTooLarge, NoticeProblems.Body, $"The body is larger than {maxBytes} bytes.");
}
