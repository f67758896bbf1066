namespace NoticeChain.Api.Hosting;

/// <summary>The timer loop shared by the chain workers: run a pass, note when the node goes away and comes back.</summary>
/// <remarks>
/// A pass the node interrupts is normal operation and is retried on the next tick; the loop reports only the
/// change between "node answers" and "node unavailable", so an outage logs two lines, not one per tick.
/// </remarks>
internal static class ChainPassLoop
{
    /// <param name="interval">Time between passes.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="pass">One pass; returns the exception that interrupted it, or null.</param>
    /// <param name="nodeUnavailable">Called once when passes start being interrupted.</param>
    /// <param name="nodeBack">Called once when a pass completes again after interruptions.</param>
    /// <param name="stoppingToken">Stops the loop.</param>
    public static async Task RunAsync(
        TimeSpan interval,
        TimeProvider timeProvider,
        Func<CancellationToken, Task<Exception?>> pass,
        Action<Exception> nodeUnavailable,
        Action nodeBack,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        bool nodeWasDown = false;
        do
        {
            var interruption = await pass(stoppingToken).ConfigureAwait(false);
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
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
