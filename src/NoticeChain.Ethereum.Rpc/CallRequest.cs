using System.Numerics;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The transaction-like object of <c>eth_call</c> and <c>eth_estimateGas</c>; every field is optional.</summary>
public sealed record CallRequest
{
    /// <summary>The sender to simulate; matters for access control (an anchor must come from the authority's key).</summary>
    public Address? From { get; init; }

    /// <summary>The contract to call, or null to simulate a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Gas limit for the simulation.</summary>
    public ulong? Gas { get; init; }

    /// <summary>Legacy gas price in wei.</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>EIP-1559 fee cap in wei.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip cap in wei.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>Value to transfer in wei.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>The ABI-encoded call data (or init code).</summary>
    public ReadOnlyMemory<byte>? Data { get; init; }
}
