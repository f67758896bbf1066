using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>One Besu node of the compose network: its service name, fixed address and public identity.</summary>
/// <param name="Name">The compose service and folder name (<c>validator1</c>, …, <c>rpc</c>).</param>
/// <param name="IpAddress">The node's fixed address on the compose network (node allowlists need IPs).</param>
/// <param name="PublicKey">The node key's public key.</param>
/// <param name="IsValidator">True for a QBFT validator, false for the non-validating RPC node.</param>
internal sealed record NetworkNode(string Name, string IpAddress, PublicKey PublicKey, bool IsValidator)
{
    /// <summary>The devp2p port every node listens on inside the compose network.</summary>
    public const int P2pPort = 30303;

    /// <summary>The node's address: the validator address for a validator.</summary>
    public Address Address => PublicKey.Address;

    /// <summary>The enode id: the 64-byte uncompressed public key (x‖y) without the 0x04 prefix, as hex.</summary>
    public string EnodeId => Hex.Encode(PublicKey.ToXY(), prefix: false);

    /// <summary>The enode URL other nodes use: <c>enode://id@ip:30303</c>.</summary>
    public string EnodeUrl => $"enode://{EnodeId}@{IpAddress}:{P2pPort}";
}
