using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>An event log as returned by <c>eth_getLogs</c> and inside a receipt.</summary>
/// <remarks>
/// Only mined logs are modelled: the block and position fields are required, because the chain follower
/// needs them to order events and detect reorgs, and a pending log (where nodes send null) is never asked for.
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
}
