namespace NoticeChain.Besu.GenesisTool;

/// <summary>Which Besu genesis milestones match the compiler's <c>evmVersion</c> (decision 0002: one EVM version).</summary>
/// <remarks>
/// <para>
/// Besu activates forks of a private network through milestone entries in the genesis <c>config</c> ("Genesis
/// file items", milestone blocks): <c>berlinBlock</c>, <c>londonBlock</c>, … by block number and, from
/// Shanghai on, <c>shanghaiTime</c>, … by timestamp. Each one implies the earlier ones.
/// </para>
/// <para>
/// <c>paris</c> maps to London: Paris is the switch to proof of stake, which a QBFT network never makes, and its
/// only EVM change is EIP-4399 (opcode 0x44 returns PREVRANDAO instead of DIFFICULTY, same opcode). Bytecode
/// compiled for paris therefore runs on a London chain; none of our contracts reads 0x44. What must not
/// appear for paris is Shanghai (PUSH0), so no <c>shanghaiTime</c> is written. Later forks (Cancun: blobs,
/// transient storage) are refused rather than guessed.
/// </para>
/// </remarks>
internal static class EvmMilestones
{
    /// <summary>The evmVersion values the tool understands.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["berlin", "london", "paris", "shanghai"];

    /// <summary>The milestone entries for <paramref name="evmVersion"/>, in the order they go into the genesis.</summary>
    /// <exception cref="ArgumentException">An evmVersion this tool does not map.</exception>
    public static IReadOnlyList<KeyValuePair<string, long>> For(string evmVersion) => evmVersion switch
    {
        "berlin" => [new("berlinBlock", 0)],
        "london" or "paris" => [new("berlinBlock", 0), new("londonBlock", 0)],
        "shanghai" => [new("berlinBlock", 0), new("londonBlock", 0), new("shanghaiTime", 0)],
        _ => throw new ArgumentException(
            $"evmVersion '{evmVersion}' has no Besu QBFT milestone mapping here; supported: {string.Join(", ", Supported)}.",
            nameof(evmVersion)),
    };

    /// <summary>True when the milestones include London, so EIP-1559 base fees exist and must be zeroed for free gas.</summary>
    public static bool HasFeeMarket(string evmVersion) => For(evmVersion).Any(m => m.Key == "londonBlock");
}
