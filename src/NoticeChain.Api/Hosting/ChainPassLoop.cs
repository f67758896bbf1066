namespace NoticeChain.Api.Hosting;

/// <summary>The timer loop shared by the chain workers: run a pass, note when the node goes away and comes back, and on
/// stop finish the pass in progress before returning.</summary>
/// <remarks>
/// <para>
/// A pass the node interrupts is normal operation and is retried on the next tick; the loop reports only the
/// change between "node answers" and "node unavailable", so an outage logs two lines, not one per tick.
/// </para>
/// <para>
/// Stopping (SIGTERM) does not cancel a pass outright: the pass keeps running for up to <see cref="FinishPassWithin"/>
/// so that a batch it closed is signed, recorded and broadcast in one go, and only then is its token cancelled. No
/// new pass starts once the stop is signalled. A pass cut short is still safe: the store is the outbox and every
/// transaction is recorded before it is broadcast (decisions 0008, 0011), so the next start carries on from there.
/// </para>
/// </remarks>
internal static class ChainPassLoop
{
    /// <summary>How long a pass in progress may go on after the stop signal before its token is cancelled.</summary>
    /// <remarks>Below the default <c>Shutdown:Timeout</c> (25 s), so the host normally sees the pass end by itself.</remarks>
    public static readonly TimeSpan FinishPassWithin = TimeSpan.FromSeconds(10);

    /// <param name="interval">Time between passes.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="pass">One pass; returns the exception that interrupted it, or null.</param>
    /// <param name="nodeUnavailable">Called once when passes start being interrupted.</param>
    /// <param name="nodeBack">Called once when a pass completes again after interruptions.</param>
    /// <param name="stoppingToken">Stops the loop after the current pass.</param>
    public static async Task RunAsync(
        TimeSpan interval,
        TimeProvider timeProvider,
        Func<CancellationToken, Task<Exception?>> pass,
        Action<Exception> nodeUnavailable,
        Action nodeBack,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        using var passCancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var finishing = stoppingToken.Register(() => passCancellation.CancelAfter(FinishPassWithin));
        bool nodeWasDown = false;
        do
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var interruption = await pass(passCancellation.Token).ConfigureAwait(false);
            if (interruption is not null)
            {
                if (!nodeWasDown)
                {
                    nodeUnavailable(interruption);
                }

                nodeWasDown = true;
            }
            else if (nodeWasDown)
            {
                nodeBack();
                nodeWasDown = false;
            }
        }
        while (await WaitForNextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>The timer's next tick, or false once the stop is signalled.</summary>
    private static async Task<bool> WaitForNextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
