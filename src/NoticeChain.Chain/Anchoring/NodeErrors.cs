using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Anchoring;

/// <summary>Reads what a node's error means for the anchoring worker.</summary>
/// <remarks>
/// Nodes agree on no error codes for transaction pool answers, only roughly on words, so the messages of the
/// nodes NoticeChain runs against are matched case-insensitively: Geth ("already known", "nonce too low"), Anvil
/// ("transaction already imported", "nonce too low"), Besu ("Known transaction", "Nonce too low") and
/// Nethermind ("AlreadyKnown", "OldNonce").
/// </remarks>
internal static class NodeErrors
{
    /// <summary>The code of "limit exceeded" (EIP-1474), which rate limiters answer with.</summary>
    private const int LimitExceededCode = -32005;

    private static readonly string[] AlreadyKnownPhrases = ["already known", "already imported", "known transaction", "alreadyknown"];

    private static readonly string[] NonceTooLowPhrases = ["nonce too low", "oldnonce"];

    /// <summary>True when the failure means the node was unreachable or overloaded, not that it refused the request:
    /// the pass ends and the next one retries.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        EthRpcTransportException or EthRpcTimeoutException => true,

        // A JSON-RPC error inside a non-2xx answer comes from a gateway or rate limiter in front of the node.
        EthRpcException { StatusCode: not null } => true,
        EthRpcException { Code: LimitExceededCode } => true,

        // Anvil answers a read at "latest" with this while it mines a block (foundry-rs/foundry#10709): asking again works.
        EthRpcException error when IsHeadRace(error) => true,

        // The base fee is above the cap: documented as usually transient, and nothing was signed.
        FeeCapExceededException => true,
        _ => false,
    };

    /// <summary>The node moved its head while answering a read at "latest" (Anvil's BlockOutOfRangeError race).</summary>
    public static bool IsHeadRace(EthRpcException error) => error.Message.StartsWith("BlockOutOfRangeError", StringComparison.Ordinal);

    /// <summary>The node already has this very transaction in its pool.</summary>
    public static bool IsAlreadyKnown(EthRpcException error) => Mentions(error, AlreadyKnownPhrases);

    /// <summary>The sender's nonce on chain is past this transaction's: it, or another transaction, used the nonce.</summary>
    public static bool IsNonceTooLow(EthRpcException error) => Mentions(error, NonceTooLowPhrases);

    /// <summary>The node's refusal of an <c>eth_estimateGas</c> is the registry reverting.</summary>
    /// <remarks>As in <see cref="NoticeRegistryClient"/>: code 3, or data that starts with one of the registry's error
    /// selectors (Besu reports reverts with code -32000 and the data attached).</remarks>
    public static bool IsRevert(EthRpcException error) =>
        error.IsExecutionReverted
        || (error.DataBytes is { Length: >= 4 } data && NoticeRegistryAbi.Contract.FindError(data.Span) is not null);

    private static bool Mentions(EthRpcException error, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (error.Message.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
