namespace NoticeChain.Api.Operations;

/// <summary>Whether <c>/metrics</c> is served (<c>Metrics</c> section; <c>NOTICECHAIN__Metrics__Enabled</c>).</summary>
/// <remarks>
/// On by default, anonymous, on the API's own listener (decision 0017): the listener is loopback unless the operator
/// exposes it, and the proxy that exposes it forwards the public paths only. Turning it off answers 404.
/// </remarks>
internal sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c>.</summary>
    public bool Enabled { get; set; } = true;
}
