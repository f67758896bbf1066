namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>A fake fault: passes every JSON-RPC request to the real node except <c>eth_sendRawTransaction</c>, whose
/// connection it drops.</summary>
/// <remarks>
/// Stands in for a process killed between recording a transaction and broadcasting it, a moment a real node or a
/// real kill cannot hit on demand. The processor sees exactly what it would see if the network failed there: an
/// <see cref="HttpRequestException"/>, wrapped by the RPC client as a transport error.
/// </remarks>
public sealed class DroppedBroadcastHandler() : DelegatingHandler(new HttpClientHandler())
{
    private int _dropped;

    /// <summary>How many broadcasts were dropped.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        if (body.Contains("\"eth_sendRawTransaction\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _dropped);
            throw new HttpRequestException("The connection dropped while broadcasting (simulated crash).");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
