using Microsoft.AspNetCore.Http.HttpResults;
using NoticeChain.Api.Verify;

namespace NoticeChain.Api.Operations;

/// <summary>Counts the verify API's answers by status for <c>noticechain_verify_requests_total</c>.</summary>
/// <remarks>
/// Counts answers, not HTTP requests: a batch of 100 digests counts 100 answers. A refused request (a bad digest, a
/// rate limit, an unknown notice id) is no answer and counts nothing; the HTTP server's own metrics cover those.
/// Only the status is looked at, never what was asked.
/// </remarks>
internal sealed class VerifyMetricsFilter(NoticeMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context).ConfigureAwait(false);
        switch (result)
        {
            case JsonHttpResult<VerifyAnswer> { Value: { } answer }:
                metrics.Verified(answer.Status);
                break;
            case JsonHttpResult<VerifyBatchResponse> { Value: { } batch }:
                foreach (var answer in batch.Results)
                {
                    metrics.Verified(answer.Status);
                }

                break;
        }

        return result;
    }
}
