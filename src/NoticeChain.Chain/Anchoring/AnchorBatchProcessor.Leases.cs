using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Chain.Anchoring;

// Step 0 of a pass: take or renew the anchoring leases; every later step works only on the authorities held.
public sealed partial class AnchorBatchProcessor
{
    private readonly HashSet<AuthorityId> _held = [];
    private readonly Dictionary<AuthorityId, DateTimeOffset> _heldSince = [];
    private readonly HashSet<AuthorityId> _reconciled = [];
    private readonly HashSet<AuthorityId> _reportedKeyless = [];
    private long _leaseAskedAt;
    private bool _leaseAsked;

    /// <summary>This worker's identity in the anchoring leases.</summary>
    public LeaseHolderId Holder { get; }

    /// <summary>The authorities whose anchoring lease this worker held after its last renewal.</summary>
    public IReadOnlyCollection<AuthorityId> HeldAuthorities => [.. _held];

    /// <summary>Gives up every lease of this worker, so another takes its authorities at once (a graceful stop).</summary>
    /// <remarks>
    /// Call it after the last pass: it does nothing and answers false while a pass runs, because the pass would go on
    /// working on authorities another worker may then take; the leases then simply expire.
    /// </remarks>
    /// <returns>True when the leases were released.</returns>
    public async Task<bool> ReleaseLeasesAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            return false;
        }

        try
        {
            var released = await _store.ReleaseLeasesAsync(Holder, cancellationToken).ConfigureAwait(false);
            _held.Clear();
            _heldSince.Clear();
            _reconciled.Clear();
            _leaseAsked = false;
            Report(AnchoringEventKind.LeasesReleased, detail: $"{released} leases released by {Holder}");
            return true;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Renews the leases when less than half of their duration is left by this worker's own clock (always
    /// at the first call of a pass), and takes any free or expired lease of an authority in the keyring.</summary>
    /// <remarks>
    /// The worker's deadline is measured on its own monotonic clock from <b>before</b> it asked: the database started
    /// the lease no earlier, so the worker stops believing in a lease no later than the database lets another take
    /// it, whatever the two clocks read (only their rates must roughly agree). A lease whose acquisition time
    /// changed was lost in between (it lapsed), so the authority is reconciled again as if newly taken.
    /// </remarks>
    private async Task RenewLeasesAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && _leaseAsked && _time.GetElapsedTime(_leaseAskedAt) < _options.LeaseDuration / 2)
        {
            return;
        }

        var wanted = _keyring.Authorities.Where(authority => _keyring.FindKey(authority) is not null).ToList();
        var askedAt = _time.GetTimestamp();
        var leases = await _store.AcquireLeasesAsync(Holder, wanted, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        _leaseAskedAt = askedAt;
        _leaseAsked = true;

        var now = leases.ToDictionary(lease => lease.Authority, lease => lease.AcquiredAt);
        foreach (var lost in _held.Where(authority => !now.ContainsKey(authority)).ToList())
        {
            _held.Remove(lost);
            _heldSince.Remove(lost);
            _reconciled.Remove(lost);
            Report(AnchoringEventKind.LeaseLost, authority: lost, detail: $"held by another worker now; {Holder} stops working on it");
        }

        foreach (var (authority, since) in now)
        {
            if (_heldSince.TryGetValue(authority, out var known) && known == since)
            {
                continue;
            }

            _held.Add(authority);
            _heldSince[authority] = since;
            _reconciled.Remove(authority);
            Report(AnchoringEventKind.LeaseAcquired, authority: authority, detail: $"{Holder} works on it now");
        }
    }

    /// <summary>True while this worker may work on <paramref name="authority"/>: it held the lease at the last renewal
    /// and, by its own clock, the lease has not run out since.</summary>
    private bool Holds(AuthorityId authority) =>
        _held.Contains(authority) && _time.GetElapsedTime(_leaseAskedAt) < _options.LeaseDuration;

    /// <summary>True while this worker may sign new transactions for <paramref name="authority"/>: it holds the lease
    /// and has reconciled the authority since taking it, so its nonce comes from the node, not a dead holder's count.</summary>
    private bool MaySign(AuthorityId authority) => Holds(authority) && _reconciled.Contains(authority);

    /// <summary>Reports, once per authority, a backlog that no worker of this keyring can anchor.</summary>
    private void ReportKeyless(AuthorityId authority)
    {
        if (_keyring.FindKey(authority) is null && _reportedKeyless.Add(authority))
        {
            Report(AnchoringEventKind.KeyMissing, authority: authority, detail: "The keyring has no key for this authority; its notices wait.");
        }
    }
}
