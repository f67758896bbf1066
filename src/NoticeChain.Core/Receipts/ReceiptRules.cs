namespace NoticeChain.Core.Receipts;

/// <summary>The value rules of receipt version 1, shared by the constructors (which throw on misuse) and the
/// JSON parser (which reports the offending field).</summary>
/// <remarks>Each check returns null when the value is fine, otherwise a message that names no input bytes.</remarks>
internal static class ReceiptRules
{
    /// <summary>2^53 - 1, the largest integer a JavaScript number holds exactly.</summary>
    public const ulong MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>The longest audit path: a tree of at most 2^64 - 1 leaves has at most 64 levels.</summary>
    public const int MaxAuditPathLength = 64;

    public const string AnchoredAtFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly DateTimeOffset MinAnchoredAt = DateTimeOffset.FromUnixTimeSeconds(1);

    private static readonly DateTimeOffset MaxAnchoredAt = DateTimeOffset.FromUnixTimeSeconds(253_402_300_799);

    public static string? CheckTreeSize(ulong treeSize) =>
        treeSize is 0 or > MaxSafeInteger ? $"The tree size must be between 1 and {MaxSafeInteger}." : null;

    public static string? CheckLeafIndex(ulong leafIndex, ulong treeSize) =>
        leafIndex >= treeSize ? "The leaf index must be less than the tree size." : null;

    public static string? CheckAuditPathLength(ulong leafIndex, ulong treeSize, int length)
    {
        var expected = AuditPathLength.For(leafIndex, treeSize);
        return length == expected
            ? null
            : $"The audit path of leaf {leafIndex} in a tree of {treeSize} leaves has {expected} hashes, not {length}.";
    }

    public static string? CheckChainId(ulong chainId) =>
        chainId is 0 or > MaxSafeInteger ? $"The chain id must be between 1 and {MaxSafeInteger}." : null;

    public static string? CheckBlockNumber(ulong blockNumber) =>
        blockNumber is 0 or > MaxSafeInteger
            ? $"The block number must be between 1 and {MaxSafeInteger} (the genesis block holds no transaction)."
            : null;

    public static string? CheckAnchoredAt(DateTimeOffset anchoredAt)
    {
        if (anchoredAt < MinAnchoredAt || anchoredAt > MaxAnchoredAt)
        {
            return "The anchoring time must lie between 1970-01-01T00:00:01Z and 9999-12-31T23:59:59Z.";
        }

        return anchoredAt.Ticks % TimeSpan.TicksPerSecond != 0
            ? "The anchoring time is a block timestamp and has whole seconds."
            : null;
    }

    public static string? CheckNotZero(bool isZero, string what) => isZero ? $"The {what} must not be zero." : null;

    /// <summary>Throws <see cref="ArgumentException"/> for constructor misuse when a check failed.</summary>
    public static void ThrowIfFailed(string? message, string parameterName)
    {
        if (message is not null)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
