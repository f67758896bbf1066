using System.Numerics;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Chain.Transactions;

/// <summary>The fee rules of each <see cref="FeeMode"/>, without I/O: what a new transaction offers, and what a
/// replacement of a stuck one offers (decision 0018).</summary>
/// <remarks>
/// <see cref="TransactionSender.EstimateFeesAsync"/> reads the node's numbers and applies these rules; the anchoring
/// worker applies <see cref="Replacement"/> to transactions that waited too long.
/// </remarks>
public static class FeePricing
{
    /// <summary>EIP-1559: twice the next block's base fee plus the tip, cut to <paramref name="cap"/>.</summary>
    /// <remarks>Twice the base fee survives a few full blocks of base-fee growth (12.5 % each at most).</remarks>
    /// <exception cref="FeeCapExceededException">The base fee alone is above the cap: nothing can be mined now.</exception>
    public static TransactionFees Eip1559(BigInteger nextBaseFee, BigInteger tip, BigInteger cap)
    {
        if (nextBaseFee > cap)
        {
            throw new FeeCapExceededException(nextBaseFee, cap);
        }

        var maxFee = BigInteger.Min((2 * nextBaseFee) + tip, cap);
        return new TransactionFees(maxFee, BigInteger.Min(tip, maxFee));
    }

    /// <summary>Legacy: the node's suggested gas price, cut to <paramref name="cap"/>.</summary>
    /// <remarks>
    /// A legacy transaction has one price, paid in full; the node's <c>eth_gasPrice</c> is its estimate of what gets
    /// mined soon. Cutting it to the cap keeps the bound on what a key can spend; a price too low to be mined now is
    /// replaced later like any stuck transaction, up to the cap.
    /// </remarks>
    public static TransactionFees Legacy(BigInteger gasPrice, BigInteger cap) => TransactionFees.Legacy(BigInteger.Min(gasPrice, cap));

    /// <summary>Free: nothing, in the transaction type the latest block allows.</summary>
    /// <param name="baseFeePerGas">The latest block's base fee; null for a pre-London block, which only legacy
    /// transactions can enter.</param>
    /// <exception cref="FeeCapExceededException">The network charges a base fee: it is not a free network, and a
    /// transaction offering nothing could never be mined.</exception>
    public static TransactionFees Free(BigInteger? baseFeePerGas)
    {
        if (baseFeePerGas is not { } baseFee)
        {
            return TransactionFees.Legacy(BigInteger.Zero);
        }

        return baseFee.IsZero
            ? new TransactionFees(BigInteger.Zero, BigInteger.Zero)
            : throw new FeeCapExceededException(
                baseFee,
                BigInteger.Zero,
                $"The network charges a base fee of {baseFee} wei per gas, but the fee mode is '{FeeMode.Free}' (a zero-fee network: "
                + "Besu with zeroBaseFee and --min-gas-price=0); nothing was sent. Configure the network for free gas or choose another fee mode.");
    }

    /// <summary>The fees for the replacement of a stuck transaction that offered <paramref name="current"/>, or null
    /// when there is nothing to bump.</summary>
    /// <param name="current">The fees of the version being replaced.</param>
    /// <param name="market">What a new transaction would offer now (it decides the replacement's type).</param>
    /// <returns>Null when <paramref name="market"/> offers nothing (a free network): a fee would have to come from a
    /// balance the keys of a free network do not hold, and a zero-fee network's validators do not order by price, so
    /// the stuck transaction is broadcast again, byte for byte, instead.</returns>
    /// <remarks>
    /// A node accepts a replacement into its pool only when both fee fields (a legacy gas price counts as both) rise by
    /// its price bump: 10 % in Geth and Besu by default, more in some configurations. Rising by at least one eighth
    /// (12.5 %, rounded up, and by at least 1 wei) clears every default. A replacement also never offers less than the
    /// market does now, so one replacement catches up with a base fee that climbed while the transaction waited.
    /// </remarks>
    public static TransactionFees? Replacement(TransactionFees current, TransactionFees market)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(market);
        if (market.IsZero)
        {
            return null;
        }

        var tip = BigInteger.Max(Bump(current.MaxPriorityFeePerGas), market.MaxPriorityFeePerGas);
        var maxFee = BigInteger.Max(BigInteger.Max(Bump(current.MaxFeePerGas), market.MaxFeePerGas), tip);
        return market.Type == TransactionType.Legacy
            ? TransactionFees.Legacy(maxFee)
            : new TransactionFees(maxFee, tip);
    }

    /// <summary><paramref name="value"/> plus one eighth, rounded up, and at least plus one.</summary>
    public static BigInteger Bump(BigInteger value) => value + BigInteger.Max((value + 7) / 8, BigInteger.One);
}
