namespace NoticeChain.Chain.Transactions;

/// <summary>How a network charges for gas, and therefore which transactions NoticeChain signs (decision 0018).</summary>
/// <remarks>
/// Configured, not detected: whether a network is meant to be free is a property of its genesis and its nodes'
/// <c>--min-gas-price</c>, which no JSON-RPC call reveals reliably (Anvil with a zero base fee still suggests a
/// 1 gwei tip). Configuration names are the member names, case-insensitive: <c>eip1559</c>, <c>legacy</c>, <c>free</c>.
/// </remarks>
public enum FeeMode
{
    /// <summary>EIP-1559 (type 2) transactions priced from the node's fee history and suggested tip; the default.</summary>
    Eip1559 = 0,

    /// <summary>EIP-155 legacy (type 0) transactions priced at the node's <c>eth_gasPrice</c>, for networks or
    /// tooling without EIP-1559.</summary>
    Legacy = 1,

    /// <summary>A zero-fee network (Besu <c>--min-gas-price=0</c> with <c>zeroBaseFee</c>, or a pre-London genesis):
    /// transactions offer nothing, so keys need no Ether. Type 2 with both fee fields 0 where blocks have a base
    /// fee (which must be 0); legacy with gas price 0 where they have none (pre-London).</summary>
    Free = 2,
}
