using System.Numerics;

namespace NoticeChain.Chain.Transactions;

/// <summary>The EIP-1559 fee fields a <see cref="TransactionSender"/> signs, in wei per gas.</summary>
/// <param name="MaxFeePerGas">The most the sender pays per gas, base fee and tip together.</param>
/// <param name="MaxPriorityFeePerGas">The most of that which goes to the block producer as a tip.</param>
public sealed record TransactionFees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
