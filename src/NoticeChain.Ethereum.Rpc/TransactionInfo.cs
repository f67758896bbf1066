using System.Numerics;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>A transaction as a node reports it (<c>eth_getTransactionByHash</c>, full blocks).</summary>
/// <remarks>
/// A read-only view for checking who sent what to whom. The signature fields (<c>v</c>, <c>r</c>,
/// <c>s</c>) and access lists are left out: nothing here re-verifies a signature, and a transaction that
/// must be re-checked is decoded from its raw bytes with <c>NoticeChain.Ethereum.Transactions</c> instead.
/// Equality is by value, the input bytes included.
/// </remarks>
public sealed record TransactionInfo
{
    /// <summary>The transaction hash.</summary>
    public required Hash32 Hash { get; init; }

    /// <summary>The transaction type (0 legacy, 1 access list, 2 EIP-1559).</summary>
    public required ulong Type { get; init; }

    /// <summary>The sender's nonce.</summary>
    public required ulong Nonce { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient, or null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Value transferred, in wei.</summary>
    public required BigInteger Value { get; init; }

    /// <summary>The gas limit.</summary>
    public required ulong Gas { get; init; }

    /// <summary>The gas price (for EIP-1559 transactions nodes report the effective price once mined).</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>EIP-1559 fee cap, or null for legacy transactions.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip cap, or null for legacy transactions.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>The call data or init code.</summary>
    public required ReadOnlyMemory<byte> Input { get; init; }

    /// <summary>The chain id, or null for a pre-EIP-155 legacy transaction.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>The hash of the block holding the transaction, or null while pending.</summary>
    public Hash32? BlockHash { get; init; }

    /// <summary>The number of the block holding the transaction, or null while pending.</summary>
    public ulong? BlockNumber { get; init; }

    /// <summary>The position in the block, or null while pending.</summary>
    public ulong? TransactionIndex { get; init; }

    /// <summary>True when every field is equal, comparing the input byte by byte.</summary>
    public bool Equals(TransactionInfo? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Hash == other.Hash
            && Type == other.Type
            && Nonce == other.Nonce
            && From == other.From
            && To == other.To
            && Value == other.Value
            && Gas == other.Gas
            && GasPrice == other.GasPrice
            && MaxFeePerGas == other.MaxFeePerGas
            && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
            && ValueEquality.Bytes(Input, other.Input)
            && ChainId == other.ChainId
            && BlockHash == other.BlockHash
            && BlockNumber == other.BlockNumber
            && TransactionIndex == other.TransactionIndex);

    /// <summary>A hash code consistent with <see cref="Equals(TransactionInfo?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Hash);
        hash.Add(Nonce);
        hash.Add(From);
        hash.Add(BlockHash);
        hash.AddBytes(Input.Span);
        return hash.ToHashCode();
    }
}
