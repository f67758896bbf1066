namespace NoticeChain.Api.Operations;

/// <summary>A Prometheus histogram: counts of observations at or below each upper bound, their sum and their count.</summary>
/// <remarks>Thread-safe; observations are rare (one per batch or notice anchored), so a lock is simpler than striping.</remarks>
internal sealed class Histogram
{
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private readonly Lock _lock = new();
    private double _sum;
    private long _count;

    /// <param name="bounds">Upper bounds, ascending; <c>+Inf</c> is implied.</param>
    /// <exception cref="ArgumentException">The bounds are empty, not ascending or not finite.</exception>
    public Histogram(params double[] bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Length == 0 || bounds.Any(b => !double.IsFinite(b)) || bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException("Histogram bounds must be finite and strictly ascending.", nameof(bounds));
        }

        _bounds = bounds;
        _counts = new long[bounds.Length];
    }

    /// <summary>Records <paramref name="value"/> (and <paramref name="times"/> equal values at once).</summary>
    public void Observe(double value, long times = 1)
    {
        lock (_lock)
        {
            var bucket = Array.FindIndex(_bounds, b => value <= b);
            if (bucket >= 0)
            {
                _counts[bucket] += times;
            }

            _sum += value * times;
            _count += times;
        }
    }

    /// <summary>The cumulative bucket counts (one per bound), the sum and the count, read together.</summary>
    public HistogramSnapshot Snapshot()
    {
        lock (_lock)
        {
            var cumulative = new long[_counts.Length];
            long running = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                running += _counts[i];
                cumulative[i] = running;
            }

            return new HistogramSnapshot(_bounds, cumulative, _sum, _count);
        }
    }
}

/// <summary>A histogram read at one moment.</summary>
/// <param name="Bounds">The upper bounds, ascending.</param>
/// <param name="CumulativeCounts">Observations at or below each bound.</param>
/// <param name="Sum">The sum of all observations.</param>
/// <param name="Count">All observations (the <c>+Inf</c> bucket).</param>
internal sealed record HistogramSnapshot(IReadOnlyList<double> Bounds, IReadOnlyList<long> CumulativeCounts, double Sum, long Count);
