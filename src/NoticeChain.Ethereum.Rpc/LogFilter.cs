using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The filter of <c>eth_getLogs</c>: a block range (or one block hash), emitting addresses and topics.</summary>
/// <remarks>
/// <see cref="Topics"/> follows the spec's positional matching: entry <c>i</c> constrains topic <c>i</c>;
/// a null entry matches anything, a list with several hashes matches any of them (OR). An empty list is
/// rejected when the filter is sent, because nodes disagree on whether it means "anything" or "nothing".
/// An empty <see cref="Addresses"/> list is rejected too: nodes read it as "every contract", which is the
/// opposite of what a caller filtering by an (accidentally) empty set of contracts means.
/// </remarks>
public sealed record LogFilter
{
    /// <summary>First block of the range (inclusive); null lets the node default to <c>latest</c>.</summary>
    public BlockParameter? FromBlock { get; init; }

    /// <summary>Last block of the range (inclusive); null lets the node default to <c>latest</c>.</summary>
    public BlockParameter? ToBlock { get; init; }

    /// <summary>A single block to search instead of a range (EIP-234); excludes <see cref="FromBlock"/> and <see cref="ToBlock"/>.</summary>
    public Hash32? BlockHash { get; init; }

    /// <summary>Emitting contracts (any of them); null for every contract. An empty list is rejected when the filter is sent.</summary>
    public IReadOnlyList<Address>? Addresses { get; init; }

    /// <summary>Topic constraints by position: null for a wildcard, one or more hashes for an OR-match.</summary>
    public IReadOnlyList<IReadOnlyList<Hash32>?>? Topics { get; init; }
}
