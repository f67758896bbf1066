using System.Numerics;

namespace NoticeChain.Chain.Transactions;

/// <summary>How a <see cref="TransactionSender"/> prices, sizes and waits for its transactions.</summary>
public sealed record TransactionSenderOptions
{
    /// <summary>One gwei in wei.</summary>
    public static readonly BigInteger Gwei = 1_000_000_000;

    /// <summary>Which transactions are signed and how they are priced; <see cref="FeeMode.Eip1559"/> by default.</summary>
    public FeeMode FeeMode { get; init; } = FeeMode.Eip1559;

    /// <summary>Extra gas on top of <c>eth_estimateGas</c>, in percent; 20 by default.</summary>
    /// <remarks>
    /// The estimate is exact for the state it ran against; the margin absorbs state that changes before the
    /// transaction is mined. Unused gas is refunded, so the margin costs nothing but block space reservation.
    /// </remarks>
    public int GasMarginPercent { get; init; } = 20;

    /// <summary>The highest <c>maxFeePerGas</c> (or legacy gas price) the sender will ever sign, in wei; 500 gwei by default.</summary>
    /// <remarks>
    /// A bound on what a misbehaving node or a fee spike can make a key spend: the fee offered is twice the
    /// next block's base fee plus the tip, cut to this cap, and if the base fee alone is above it the sender
    /// refuses (<see cref="FeeCapExceededException"/>) rather than submit a transaction that cannot be mined.
    /// </remarks>
    public BigInteger MaxFeePerGasCap { get; init; } = 500 * Gwei;

    /// <summary>The pause between receipt polls; 100 ms by default.</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long to wait for a receipt before giving up; two minutes by default.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
