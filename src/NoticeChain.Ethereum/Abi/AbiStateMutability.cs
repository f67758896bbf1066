namespace NoticeChain.Ethereum.Abi;

/// <summary>The <c>stateMutability</c> of a function or constructor in a JSON ABI.</summary>
/// <remarks>It tells a client whether a function can be answered by <c>eth_call</c> or needs a transaction, and whether it accepts Ether.</remarks>
public enum AbiStateMutability
{
    /// <summary>Changes state and rejects Ether (the Solidity default).</summary>
    NonPayable,

    /// <summary>Changes state and accepts Ether.</summary>
    Payable,

    /// <summary>Reads but does not change state.</summary>
    View,

    /// <summary>Neither reads nor changes state.</summary>
    Pure,
}
