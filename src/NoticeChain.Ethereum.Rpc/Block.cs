using System.Numerics;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>A block header with its transaction hashes (<c>eth_getBlockByNumber</c>, <c>eth_getBlockByHash</c>).</summary>
/// <remarks>
/// Number and hash are required, so the pending block (whose hash nodes report as null) cannot be read
/// through this type; NoticeChain only reads mined blocks, for timestamps and reorg checks.
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
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is beyond year 9999.</exception>
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
}
