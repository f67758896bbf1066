using System.Numerics;
using NoticeChain.Chain.Transactions;

namespace NoticeChain.Chain.Anchoring;

/// <summary>The fees of a transaction that replaces a stuck one with the same nonce.</summary>
/// <remarks>
/// A node accepts a replacement into its pool only when both fee fields rise by its price bump: 10 % in Geth
/// and Besu by default, more in some configurations. Rising by at least one eighth (12.5 %, rounded up, and by at
/// least 1 wei) clears every default. A replacement also never offers less than the market does now, so one
/// replacement catches up with a base fee that climbed while the transaction waited.
/// </remarks>
internal static class ReplacementFees
{
    /// <summary>The fees for the replacement of a transaction that offered <paramref name="current"/>.</summary>
    /// <param name="current">The fees of the version being replaced.</param>
    /// <param name="market">What a new transaction would offer now.</param>
    public static TransactionFees For(TransactionFees current, TransactionFees market)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(market);
        var tip = BigInteger.Max(Bump(current.MaxPriorityFeePerGas), market.MaxPriorityFeePerGas);
        var maxFee = BigInteger.Max(BigInteger.Max(Bump(current.MaxFeePerGas), market.MaxFeePerGas), tip);
        return new TransactionFees(maxFee, tip);
    }

    /// <summary><paramref name="value"/> plus one eighth, rounded up, and at least plus one.</summary>
    public static BigInteger Bump(BigInteger value) => value + BigInteger.Max((value + 7) / 8, BigInteger.One);
}
