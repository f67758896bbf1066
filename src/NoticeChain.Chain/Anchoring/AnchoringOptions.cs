using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Chain.Anchoring;

/// <summary>How the <see cref="AnchorBatchProcessor"/> batches, prices, replaces and re-checks (decision 0011).</summary>
public sealed record AnchoringOptions
{
    /// <summary>The <c>NoticeRegistry</c> contract every transaction calls.</summary>
    public required Address Registry { get; init; }

    /// <summary>How long an authority's oldest pending notice waits before its batch closes; 2 s by default.</summary>
    /// <remarks>
    /// The window trades latency for gas: every batch costs one <c>anchor</c> transaction whatever its size, so
    /// waiting a little lets a burst of notices share one. Two seconds keep accept-to-anchored latency well under
    /// what a clerk notices, and at the default size a busy authority fills a batch before the window ends anyway.
    /// </remarks>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The most notices in one batch; 4,096 by default.</summary>
    /// <remarks>
    /// A full backlog closes at once, without waiting for the window. 4,096 leaves make audit paths of 12 hashes,
    /// so receipts and revocation proofs stay small, while one anchor still amortises over thousands of notices.
    /// </remarks>
    public int MaxBatchSize { get; init; } = 4096;

    /// <summary>The most new transactions one authority gets in one pass; 256 by default.</summary>
    /// <remarks>Bounds the length of a pass, so in-flight transactions and reorgs are looked at regularly even
    /// during a bulk load; the rest are signed in the next pass.</remarks>
    public int MaxActionsPerAuthority { get; init; } = 256;

    /// <summary>How long a transaction may wait unmined before it is replaced with higher fees; 30 s by default.</summary>
    /// <remarks>
    /// Measured from when its current version was recorded. Thirty seconds are several blocks on every network
    /// NoticeChain targets (Besu QBFT mines every few seconds), so a transaction still unmined by then is priced
    /// out, not merely unlucky.
    /// </remarks>
    public TimeSpan ReplaceAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many blocks below the head are re-checked for reorgs; 12 by default.</summary>
    /// <remarks>An action mined deeper than this is taken as final. QBFT has immediate finality, so on Besu the
    /// check never fires; on proof-of-work style dev chains and Anvil it catches the reorgs that happen there.</remarks>
    public ulong ReorgDepth { get; init; } = 12;

    /// <summary>The reason code signed for a supersession; <see cref="RevocationReason.Other"/> by default.</summary>
    /// <remarks>A submission names only the pair of notices, so the reason is policy. The effective date is the
    /// block time at which the replacing notice was anchored: the moment it provably came into force.</remarks>
    public RevocationReason SupersessionReason { get; init; } = RevocationReason.Other;

    /// <summary>How long an authority's anchoring lease lasts without renewal; 15 s by default (decision 0016).</summary>
    /// <remarks>
    /// Every pass renews the leases it holds, so the duration only matters when a worker dies or loses the database:
    /// another worker takes over its authorities at most this long (by the database's clock) after its last
    /// renewal. Shorter fails over sooner; longer tolerates longer passes and pauses. It must comfortably exceed the
    /// pass interval: a pass that finds less than half of it left renews before it sends anything.
    /// </remarks>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The worker's identity in the leases; a new random id per processor when null.</summary>
    /// <remarks>One id per process: two processors with the same id would both believe they hold the same leases.</remarks>
    public LeaseHolderId? Holder { get; init; }

    /// <summary>Gas margin and fee cap, the same policy <see cref="TransactionSender"/> applies.</summary>
    /// <remarks>The receipt poll settings of <see cref="TransactionSenderOptions"/> are not used: the processor
    /// never waits for a receipt, it looks again in the next pass.</remarks>
    public TransactionSenderOptions Transactions { get; init; } = new();

    /// <summary>Throws when a value cannot work.</summary>
    /// <exception cref="ArgumentException">The registry is zero, the reason undefined, or the transaction policy invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration or count is not positive.</exception>
    internal void Validate()
    {
        if (Registry.IsZero)
        {
            throw new ArgumentException("The registry address must not be zero.", nameof(Registry));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchWindow, TimeSpan.Zero, nameof(BatchWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxActionsPerAuthority, 1, nameof(MaxActionsPerAuthority));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReplaceAfter, TimeSpan.Zero, nameof(ReplaceAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromMilliseconds(1), nameof(LeaseDuration));
        if (!Enum.IsDefined(SupersessionReason))
        {
            throw new ArgumentException("Not one of the registry's reason codes.", nameof(SupersessionReason));
        }

        ArgumentNullException.ThrowIfNull(Transactions, nameof(Transactions));
        ArgumentOutOfRangeException.ThrowIfNegative(Transactions.GasMarginPercent, nameof(Transactions));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Transactions.MaxFeePerGasCap, nameof(Transactions));
    }
}
