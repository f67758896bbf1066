namespace NoticeChain.Api.Operations;

/// <summary>How long a stop may take (<c>Shutdown</c> section; <c>NOTICECHAIN__Shutdown__Timeout</c>).</summary>
/// <remarks>
/// On SIGTERM the chain workers finish the pass they are in (see <see cref="Hosting.ChainPassLoop"/>) and the host waits
/// for them at most this long. Whatever is still open is safe in the store: accepted notices are the outbox, and a
/// transaction is recorded before it is broadcast (decisions 0008, 0011), so the next start carries on.
/// Kubernetes' default grace period is 30 s; keep this below the orchestrator's.
/// </remarks>
internal sealed class ShutdownOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Shutdown";

    /// <summary>The host's <see cref="HostOptions.ShutdownTimeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
