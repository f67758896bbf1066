using System.Numerics;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The receipt of a mined transaction (<c>eth_getTransactionReceipt</c>).</summary>
/// <remarks>
/// <c>status</c> and <c>effectiveGasPrice</c> are required although pre-Byzantium and pre-London receipts
/// lack them: every network NoticeChain targets (Anvil, Besu QBFT) starts after both forks, and a receipt
/// without a status cannot say whether an anchor succeeded, which is the only question it has to answer.
/// Equality is by value, the logs compared element by element.
/// </remarks>
public sealed record TransactionReceipt
{
    /// <summary>The transaction hash.</summary>
    public required Hash32 TransactionHash { get; init; }

    /// <summary>The position of the transaction in its block.</summary>
    public required ulong TransactionIndex { get; init; }

    /// <summary>The hash of the block holding the transaction.</summary>
    public required Hash32 BlockHash { get; init; }

    /// <summary>The number of the block holding the transaction.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient, or null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>1 for success, 0 for failure (reverted or out of gas).</summary>
    public required ulong Status { get; init; }

    /// <summary>True when <see cref="Status"/> is 1.</summary>
    public bool Succeeded => Status == 1;

    /// <summary>Gas used by this transaction alone.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>Gas used by this and all preceding transactions in the block.</summary>
    public required ulong CumulativeGasUsed { get; init; }

    /// <summary>The price per gas actually paid, in wei.</summary>
    public required BigInteger EffectiveGasPrice { get; init; }

    /// <summary>The created contract's address for a contract creation, otherwise null.</summary>
    public Address? ContractAddress { get; init; }

    /// <summary>The transaction type (0 legacy, 2 EIP-1559), or null when the node omits it.</summary>
    public ulong? Type { get; init; }

    /// <summary>The logs the transaction emitted, in order.</summary>
    public required IReadOnlyList<LogEntry> Logs { get; init; }

    /// <summary>True when every field is equal, comparing the logs element by element.</summary>
    public bool Equals(TransactionReceipt? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && TransactionHash == other.TransactionHash
            && TransactionIndex == other.TransactionIndex
            && BlockHash == other.BlockHash
            && BlockNumber == other.BlockNumber
            && From == other.From
            && To == other.To
            && Status == other.Status
            && GasUsed == other.GasUsed
            && CumulativeGasUsed == other.CumulativeGasUsed
            && EffectiveGasPrice == other.EffectiveGasPrice
            && ContractAddress == other.ContractAddress
            && Type == other.Type
            && ValueEquality.Sequence(Logs, other.Logs));

    /// <summary>A hash code consistent with <see cref="Equals(TransactionReceipt?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(TransactionHash);
        hash.Add(BlockHash);
        hash.Add(Status);
        hash.Add(GasUsed);
        ValueEquality.AddSequence(ref hash, Logs);
        return hash.ToHashCode();
    }
}
