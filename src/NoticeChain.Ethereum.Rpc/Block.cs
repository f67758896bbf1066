using System.Numerics;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>A block header with its transaction hashes (<c>eth_getBlockByNumber</c>, <c>eth_getBlockByHash</c>).</summary>
/// <remarks>
/// Number and hash are required, so the pending block (whose hash nodes report as null) cannot be read
/// through this type; NoticeChain only reads mined blocks, for timestamps and reorg checks. Equality is by
/// value, the transaction lists compared element by element.
/// </remarks>
public sealed record Block
{
    /// <summary>The block number.</summary>
    public required ulong Number { get; init; }

    /// <summary>The block hash.</summary>
    public required Hash32 Hash { get; init; }

    /// <summary>The parent block's hash; a mismatch with the previously seen block reveals a reorg.</summary>
    public required Hash32 ParentHash { get; init; }

    /// <summary>Block time in seconds since the Unix epoch.</summary>
    public required ulong Timestamp { get; init; }

    /// <summary>The block time as a <see cref="DateTimeOffset"/> in UTC.</summary>
    /// <remarks>Blocks read from a node always have a representable time: the client refuses timestamps after the year 9999.</remarks>
    /// <exception cref="OverflowException">A hand-built block's timestamp does not fit in 63 bits.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hand-built block's timestamp is after the year 9999.</exception>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(checked((long)Timestamp));

    /// <summary>The EIP-1559 base fee in wei, or null before London.</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>The block gas limit.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>Gas used by all transactions in the block.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>The hashes of the block's transactions, in order (filled for both full and hash-only blocks).</summary>
    public required IReadOnlyList<Hash32> TransactionHashes { get; init; }

    /// <summary>The full transactions when they were requested, otherwise null.</summary>
    public IReadOnlyList<TransactionInfo>? Transactions { get; init; }

    /// <summary>True when every field is equal, comparing the transaction lists element by element.</summary>
    public bool Equals(Block? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Number == other.Number
            && Hash == other.Hash
            && ParentHash == other.ParentHash
            && Timestamp == other.Timestamp
            && BaseFeePerGas == other.BaseFeePerGas
            && GasLimit == other.GasLimit
            && GasUsed == other.GasUsed
            && ValueEquality.Sequence(TransactionHashes, other.TransactionHashes)
            && ValueEquality.Sequence(Transactions, other.Transactions));

    /// <summary>A hash code consistent with <see cref="Equals(Block?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Number);
        hash.Add(Hash);
        hash.Add(ParentHash);
        hash.Add(Timestamp);
        ValueEquality.AddSequence(ref hash, TransactionHashes);
        ValueEquality.AddSequence(ref hash, Transactions);
        return hash.ToHashCode();
    }
}
