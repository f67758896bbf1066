using System.Collections.Concurrent;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Operations;

/// <summary>The counters and histograms the API keeps in memory between scrapes; gauges are read at scrape time.</summary>
/// <remarks>
/// Counters start at zero with every process, as Prometheus expects of counters: <c>rate()</c> handles the reset.
/// Accepted and anchored notices are counted per authority (decision 0017): an operator needs to see which office's
/// backlog grows, a few hundred authorities are a small label set, and the chain already shows every authority's
/// anchors to anyone. Histograms have no labels, to keep their series few.
/// </remarks>
internal sealed class NoticeMetrics
{
    /// <summary>The verify statuses, in the order they are exposed.</summary>
    public static readonly IReadOnlyList<string> VerifyStatuses = ["authentic", "revoked", "superseded", "pending", "unknown"];

    private readonly ConcurrentDictionary<AuthorityId, Counter> _accepted = new();
    private readonly ConcurrentDictionary<AuthorityId, Counter> _anchored = new();
    private readonly ConcurrentDictionary<string, Counter> _verified = new(VerifyStatuses.Select(s => KeyValuePair.Create(s, new Counter())), StringComparer.Ordinal);

    /// <summary>Notices per batch, by the batch's tree size.</summary>
    public Histogram BatchSize { get; } = new(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 4096, 10_000, 65_536);

    /// <summary>Seconds from a notice's acceptance to the timestamp of the block that anchored it.</summary>
    public Histogram AnchorLatency { get; } = new(1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21_600, 86_400);

    /// <summary>Counts notices the store newly accepted for <paramref name="authority"/>.</summary>
    public void Accepted(AuthorityId authority, int count) => _accepted.GetOrAdd(authority, _ => new Counter()).Add(count);

    /// <summary>Counts the notices of a batch first seen mined.</summary>
    public void Anchored(AuthorityId authority, int count) => _anchored.GetOrAdd(authority, _ => new Counter()).Add(count);

    /// <summary>Counts one verify answer with <paramref name="status"/>; an unexpected status counts as <c>unknown</c>.</summary>
    public void Verified(string status) => (_verified.TryGetValue(status, out var counter) ? counter : _verified["unknown"]).Add(1);

    /// <summary>Accepted notices per authority since the process started.</summary>
    public IReadOnlyDictionary<AuthorityId, long> AcceptedTotals => _accepted.ToDictionary(p => p.Key, p => p.Value.Value);

    /// <summary>Anchored notices per authority since the process started.</summary>
    public IReadOnlyDictionary<AuthorityId, long> AnchoredTotals => _anchored.ToDictionary(p => p.Key, p => p.Value.Value);

    /// <summary>Verify answers per status since the process started.</summary>
    public long VerifiedTotal(string status) => _verified.TryGetValue(status, out var counter) ? counter.Value : 0;

    private sealed class Counter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long amount) => Interlocked.Add(ref _value, amount);
    }
}
