using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>An event log as returned by <c>eth_getLogs</c> and inside a receipt.</summary>
/// <remarks>
/// <para>
/// Only mined logs are modelled: the block and position fields are required, because the chain follower
/// needs them to order events and detect reorgs, and a pending log (where nodes send null) is never asked for.
/// </para>
/// <para>
/// Equality is by value, topics and data bytes included (a record would compare them by reference), so a log
/// read twice, or from a receipt and from <c>eth_getLogs</c>, compares equal — which deduplication and reorg
/// checks rely on.
/// </para>
/// </remarks>
public sealed record LogEntry
{
    /// <summary>The contract that emitted the log.</summary>
    public required Address Address { get; init; }

    /// <summary>Indexed topics; the first is the event signature hash unless the event is anonymous.</summary>
    public required IReadOnlyList<Hash32> Topics { get; init; }

    /// <summary>The ABI-encoded non-indexed arguments.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The number of the block holding the log.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>The hash of the block holding the log.</summary>
    public required Hash32 BlockHash { get; init; }

    /// <summary>The transaction that emitted the log.</summary>
    public required Hash32 TransactionHash { get; init; }

    /// <summary>The position of that transaction in the block.</summary>
    public required ulong TransactionIndex { get; init; }

    /// <summary>The position of the log in the block.</summary>
    public required ulong LogIndex { get; init; }

    /// <summary>True when the log was removed by a chain reorganisation (only seen through filters and subscriptions).</summary>
    public bool Removed { get; init; }

    /// <summary>True when every field is equal, comparing topics and data element by element.</summary>
    public bool Equals(LogEntry? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Address == other.Address
            && ValueEquality.Sequence(Topics, other.Topics)
            && ValueEquality.Bytes(Data, other.Data)
            && BlockNumber == other.BlockNumber
            && BlockHash == other.BlockHash
            && TransactionHash == other.TransactionHash
            && TransactionIndex == other.TransactionIndex
            && LogIndex == other.LogIndex
            && Removed == other.Removed);

    /// <summary>A hash code consistent with <see cref="Equals(LogEntry?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Address);
        ValueEquality.AddSequence(ref hash, Topics);
        hash.AddBytes(Data.Span);
        hash.Add(BlockNumber);
        hash.Add(BlockHash);
        hash.Add(TransactionHash);
        hash.Add(TransactionIndex);
        hash.Add(LogIndex);
        hash.Add(Removed);
        return hash.ToHashCode();
    }
}
