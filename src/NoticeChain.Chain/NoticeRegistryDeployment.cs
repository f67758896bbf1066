using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain;

/// <summary>A freshly deployed registry: the client bound to it and the deployment's receipt.</summary>
/// <remarks>
/// The receipt's block is where the registry's history starts, so a follower reads events from
/// <c>Receipt.BlockNumber</c> onwards and never needs to scan the chain before it.
/// </remarks>
/// <param name="Client">A client for the new registry, sending with the deployer's sender.</param>
/// <param name="Receipt">The deployment transaction's receipt.</param>
public sealed record NoticeRegistryDeployment(NoticeRegistryClient Client, TransactionReceipt Receipt);
