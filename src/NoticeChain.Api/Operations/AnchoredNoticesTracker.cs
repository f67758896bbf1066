using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Api.Operations;

/// <summary>Finds batches the anchoring worker recorded as mined since the last look and feeds them to the metrics:
/// notices anchored, batch size, and each notice's acceptance-to-anchor latency.</summary>
/// <remarks>
/// <para>
/// Reads the store rather than hooking into the worker, so it counts what is durably recorded, whatever process or
/// pass recorded it. At start it takes as already seen every action mined at or above <see cref="Window"/> blocks below the chain
/// index's cursor (the range a catch-up reads), so
/// batches anchored before this process started are not counted again; after that each scrape asks only for actions
/// mined in the last <see cref="Window"/> blocks below the highest one seen.
/// </para>
/// <para>
/// A batch re-mined after a reorg keeps its action id and is not counted twice. The latency needs no extra query: a
/// notice id is a version 7 UUID whose first 48 bits are its acceptance time in milliseconds, and the anchor time is
/// the block's timestamp (whole seconds, so a latency under a second may read as zero).
/// </para>
/// </remarks>
internal sealed class AnchoredNoticesTracker(IServiceProvider services, NoticeMetrics metrics) : IDisposable
{
    /// <summary>Blocks below the highest mined block that are looked at again: far deeper than any reorg the worker handles.</summary>
    private const ulong Window = 256;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<ChainActionId, ulong> _seen = [];
    private ulong _highestBlock;
    private bool _started;

    /// <summary>Marks everything already mined as seen; called once the store is open.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts batches mined since the last call.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                await StartCoreAsync(cancellationToken).ConfigureAwait(false);
            }

            var store = services.GetRequiredService<IAnchoringStore>();
            var from = _highestBlock > Window ? _highestBlock - Window : 0;
            foreach (var mined in await store.ListMinedAsync(from, cancellationToken).ConfigureAwait(false))
            {
                if (!_seen.TryAdd(mined.Action, mined.Transaction.BlockNumber))
                {
                    continue;
                }

                _highestBlock = Math.Max(_highestBlock, mined.Transaction.BlockNumber);
                if (mined.Kind == ChainActionKind.Anchor && await store.GetActionAsync(mined.Action, cancellationToken).ConfigureAwait(false) is AnchorAction batch)
                {
                    Observe(batch, mined.Transaction.BlockTime);
                }
            }

            Prune();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>When the notice was accepted: the timestamp in its version 7 UUID (RFC 9562, section 5.7).</summary>
    internal static DateTimeOffset AcceptedAt(NoticeId id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.Value.TryWriteBytes(bytes, bigEndian: true, out _);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var cursor = await services.GetRequiredService<IChainIndexStore>().GetCursorAsync(cancellationToken).ConfigureAwait(false);
        // Everything the first catch-up will look at (Window blocks below the cursor and above) counts as seen, so a
        // restart does not count batches anchored before it again.
        var cursorBlock = cursor?.BlockNumber ?? 0;
        _highestBlock = cursorBlock;
        var from = cursorBlock > Window ? cursorBlock - Window : 0;
        foreach (var mined in await services.GetRequiredService<IAnchoringStore>().ListMinedAsync(from, cancellationToken).ConfigureAwait(false))
        {
            _seen[mined.Action] = mined.Transaction.BlockNumber;
            _highestBlock = Math.Max(_highestBlock, mined.Transaction.BlockNumber);
        }

        _started = true;
    }

    private void Observe(AnchorAction batch, DateTimeOffset anchoredAt)
    {
        metrics.Anchored(batch.Authority, batch.Notices.Count);
        metrics.BatchSize.Observe(batch.Notices.Count);
        foreach (var notice in batch.Notices)
        {
            metrics.AnchorLatency.Observe(Math.Max(0, (anchoredAt - AcceptedAt(notice)).TotalSeconds));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private void Prune()
    {
        if (_highestBlock <= 2 * Window)
        {
            return;
        }

        foreach (var old in _seen.Where(p => p.Value < _highestBlock - (2 * Window)).Select(p => p.Key).ToList())
        {
            _seen.Remove(old);
        }
    }
}
