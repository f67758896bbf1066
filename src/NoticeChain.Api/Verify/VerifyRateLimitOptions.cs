namespace NoticeChain.Api.Verify;

/// <summary>How many requests one client address may send to the public verify endpoints (<c>Verify:RateLimit</c>).</summary>
/// <remarks>
/// <para>
/// Fixed windows per client IP address, without a queue: a request over the limit is answered 429 at once with
/// <c>Retry-After</c>. The defaults let a person or a bank's system check freely (10 lookups a second on average)
/// while keeping the service from becoming a bulk oracle for guessing documents: a batch of up to 1000 digests
/// counts once, against its own, much smaller budget <see cref="BatchPermitLimit"/> (30,000 digests a minute).
/// </para>
/// <para>
/// The client address is the TCP peer's, or the forwarded one when the peer is a proxy named in
/// <see cref="Hosting.ProxyOptions.TrustedProxies"/>; otherwise every client behind a proxy shares the proxy's budget.
/// </para>
/// </remarks>
internal sealed class VerifyRateLimitOptions
{
    /// <summary>Requests per window and client to the public verify endpoints other than the batch.</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>Batch requests (<c>POST /api/v1/verify</c>) per window and client.</summary>
    public int BatchPermitLimit { get; set; } = 30;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests over the limit that wait for the next window instead of being refused; 0 refuses at once.</summary>
    public int QueueLimit { get; set; }
}
