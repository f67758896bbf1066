using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Events;

/// <summary>Where a log sits on the chain, ordered by block and then by log index.</summary>
/// <remarks>
/// What a follower needs to order events (<see cref="LogIndex"/> counts logs across the whole block, so block
/// and log index order every log of the chain), to resume after a restart, and to notice a reorganisation
/// (the <see cref="BlockHash"/> of a block it has seen changes).
/// </remarks>
/// <param name="BlockNumber">The block that holds the log.</param>
/// <param name="BlockHash">The hash of that block.</param>
/// <param name="TransactionHash">The transaction that emitted the log.</param>
/// <param name="TransactionIndex">The transaction's position in the block.</param>
/// <param name="LogIndex">The log's position in the block.</param>
public readonly record struct LogPosition(
    ulong BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex) : IComparable<LogPosition>
{
    /// <summary>The position of a log returned by <c>eth_getLogs</c> or inside a receipt.</summary>
    public static LogPosition Of(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new LogPosition(log.BlockNumber, log.BlockHash, log.TransactionHash, log.TransactionIndex, log.LogIndex);
    }

    /// <summary>Orders by block number, then by log index.</summary>
    public int CompareTo(LogPosition other)
    {
        var byBlock = BlockNumber.CompareTo(other.BlockNumber);
        return byBlock != 0 ? byBlock : LogIndex.CompareTo(other.LogIndex);
    }

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before or is <paramref name="right"/>.</summary>
    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after or is <paramref name="right"/>.</summary>
    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;
}
