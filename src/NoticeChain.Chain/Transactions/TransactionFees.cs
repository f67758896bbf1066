using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Chain.Transactions;

/// <summary>The fee fields a <see cref="TransactionSender"/> signs, in wei per gas, and the transaction type they belong to.</summary>
/// <param name="MaxFeePerGas">The most the sender pays per gas, base fee and tip together; a legacy transaction's gas price.</param>
/// <param name="MaxPriorityFeePerGas">The most of that which goes to the block producer as a tip; for a legacy
/// transaction equal to its gas price (all of it is the producer's above the base fee).</param>
/// <remarks>
/// One shape for both types keeps the pricing and replacement rules (cap, bump) written once: a node compares a
/// legacy replacement's gas price the way it compares both EIP-1559 fields, so bumping both fields bumps it.
/// </remarks>
public sealed record TransactionFees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    /// <summary>Fees for <see cref="TransactionType.Eip1559"/> unless created by <see cref="Legacy"/>.</summary>
    public TransactionType Type { get; init; } = TransactionType.Eip1559;

    /// <summary>True when the transaction offers nothing: a free network's fees.</summary>
    public bool IsZero => MaxFeePerGas.IsZero && MaxPriorityFeePerGas.IsZero;

    /// <summary>Legacy fees: one gas price.</summary>
    public static TransactionFees Legacy(BigInteger gasPrice) => new(gasPrice, gasPrice) { Type = TransactionType.Legacy };

    /// <summary>The fees <paramref name="transaction"/> was signed with.</summary>
    /// <exception cref="ArgumentException">A transaction type NoticeChain does not sign.</exception>
    public static TransactionFees Of(Transaction transaction) => transaction switch
    {
        Eip1559Transaction eip1559 => new TransactionFees(eip1559.MaxFeePerGas, eip1559.MaxPriorityFeePerGas),
        LegacyTransaction legacy => Legacy(legacy.GasPrice),
        null => throw new ArgumentNullException(nameof(transaction)),
        _ => throw new ArgumentException($"Transactions of type {transaction.Type} are not signed here.", nameof(transaction)),
    };

    /// <summary>An unsigned transaction of <see cref="Type"/> with these fees.</summary>
    /// <param name="chainId">The EIP-155 chain id.</param>
    /// <param name="nonce">The sender's nonce.</param>
    /// <param name="gasLimit">The gas limit.</param>
    /// <param name="to">The recipient, or null to create a contract.</param>
    /// <param name="data">The call data or creation code.</param>
    /// <param name="value">The wei transferred; zero by default.</param>
    public Transaction CreateTransaction(
        ulong chainId, ulong nonce, ulong gasLimit, Address? to, ReadOnlyMemory<byte> data, BigInteger value = default) => Type switch
    {
        TransactionType.Legacy => new LegacyTransaction
        {
            ChainId = chainId,
            Nonce = nonce,
            GasPrice = MaxFeePerGas,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
        },
        _ => new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = MaxPriorityFeePerGas,
            MaxFeePerGas = MaxFeePerGas,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
        },
    };

    /// <summary>A copy of <paramref name="transaction"/> (same chain, nonce, gas, recipient, value and data) with these fees.</summary>
    /// <remarks>The access list is not carried over: NoticeChain never signs one.</remarks>
    public Transaction Reprice(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return CreateTransaction(transaction.ChainId, transaction.Nonce, transaction.GasLimit, transaction.To, transaction.Data, transaction.Value);
    }
}
