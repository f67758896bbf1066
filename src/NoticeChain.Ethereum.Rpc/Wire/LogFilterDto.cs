using System.Text.Json.Nodes;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>The <c>eth_getLogs</c> filter object on the wire.</summary>
/// <remarks>
/// A single address or single topic goes out as a plain string and several as an array; both forms are in
/// the spec, and the plain form is the one every node has always understood.
/// </remarks>
internal sealed class LogFilterDto
{
    public string? FromBlock { get; init; }

    public string? ToBlock { get; init; }

    public string? BlockHash { get; init; }

    public JsonNode? Address { get; init; }

    public JsonNode?[]? Topics { get; init; }

    /// <exception cref="ArgumentException">The filter combines a block hash with a range, or has an empty address list or topic OR-list.</exception>
    public static LogFilterDto FromModel(LogFilter filter)
    {
        // On the wire an empty list and an absent member both mean "every contract"; a caller who built an empty
        // list from a set of contracts that happened to be empty almost certainly wanted none, not all.
        if (filter.Addresses is { Count: 0 })
        {
            throw new ArgumentException(
                "An empty address list would match every contract; use null to mean every contract.", nameof(filter));
        }

        if (filter.BlockHash is not null && (filter.FromBlock is not null || filter.ToBlock is not null))
        {
            throw new ArgumentException("A log filter takes either a block hash or a block range, not both (EIP-234).", nameof(filter));
        }

        if (filter.Topics?.Any(alternatives => alternatives is { Count: 0 }) == true)
        {
            throw new ArgumentException(
                "An empty topic list is ambiguous across nodes; use null for a wildcard position.", nameof(filter));
        }

        return new LogFilterDto
        {
            FromBlock = filter.FromBlock?.ToString(),
            ToBlock = filter.ToBlock?.ToString(),
            BlockHash = filter.BlockHash?.ToString(),
            Address = filter.Addresses switch
            {
                null => null,
                { Count: 1 } one => JsonValue.Create(one[0].ToLowerHex()),
                var many => new JsonArray([.. many.Select(a => (JsonNode?)JsonValue.Create(a.ToLowerHex()))]),
            },
            Topics = filter.Topics?.Select(TopicNode).ToArray(),
        };
    }

    private static JsonNode? TopicNode(IReadOnlyList<Hash32>? alternatives) => alternatives switch
    {
        null => null,
        { Count: 1 } one => JsonValue.Create(one[0].ToString()),
        var many => new JsonArray([.. many.Select(t => (JsonNode?)JsonValue.Create(t.ToString()))]),
    };
}
