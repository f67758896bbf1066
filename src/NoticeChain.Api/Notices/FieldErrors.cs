namespace NoticeChain.Api.Notices;

/// <summary>Collects validation errors by field name (<c>digest</c>, <c>notices[17].digest</c>) for a problem's <c>errors</c> member.</summary>
/// <remarks>Stops collecting after <see cref="NoticeRequestLimits.MaxReportedErrors"/> fields; the first ones are enough to fix a request.</remarks>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether any error was added.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Adds an error for <paramref name="field"/>.</summary>
    public void Add(string field, string message)
    {
        if (_errors.TryGetValue(field, out var existing))
        {
            _errors[field] = [.. existing, message];
        }
        else if (_errors.Count < NoticeRequestLimits.MaxReportedErrors)
        {
            _errors[field] = [message];
        }
    }

    /// <summary>The errors in the shape of <see cref="Microsoft.AspNetCore.Http.HttpValidationProblemDetails.Errors"/>.</summary>
    public IDictionary<string, string[]> ToDictionary() => new Dictionary<string, string[]>(_errors, StringComparer.Ordinal);
}
