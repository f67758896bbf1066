using Microsoft.AspNetCore.Http.HttpResults;

namespace NoticeChain.Api.Notices;

/// <summary>RFC 9457 answers of the notice endpoints, each with an <c>errors</c> member naming the field.</summary>
/// <remarks>
/// Every client error names what to fix, also those that are not about one JSON field (<c>$</c> for the whole body,
/// <c>Content-Type</c>, <c>Idempotency-Key</c>), so an integrator's code can handle all of them the same way.
/// </remarks>
internal static class NoticeProblems
{
    /// <summary>The field name that stands for the whole request body.</summary>
    public const string Body = "$";

    /// <summary>A problem with one field error.</summary>
    public static ProblemHttpResult For(int status, string field, string message, string? detail = null)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return For(status, errors, detail ?? message);
    }

    /// <summary>A problem listing <paramref name="errors"/>.</summary>
    public static ProblemHttpResult For(int status, FieldErrors errors, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = status,
            Detail = detail ?? "The request has invalid fields; see errors.",
        });
    }
}
