namespace NoticeChain.Ethereum.Abi;

/// <summary>The ABI-relevant part of an EVM log entry: its topics (each 32 bytes) and its data.</summary>
/// <remarks>The RPC layer's log type carries more (address, block, index); this is only what <see cref="AbiEvent"/> encodes and decodes.</remarks>
public sealed class AbiLog
{
    /// <summary>Creates a log from its topics and data.</summary>
    public AbiLog(IReadOnlyList<byte[]> topics, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        Topics = topics;
        Data = data;
    }

    /// <summary>The topics: for a non-anonymous event, topic 0 is the event's signature hash, then one per indexed parameter.</summary>
    public IReadOnlyList<byte[]> Topics { get; }

    /// <summary>The encoded non-indexed parameters.</summary>
    public ReadOnlyMemory<byte> Data { get; }
}
