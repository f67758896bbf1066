using NoticeChain.Chain.Events;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain;

/// <summary>The typed binding of one deployed <c>NoticeRegistry</c>: deployment, every transaction, every view,
/// and decoding of its events and custom errors.</summary>
/// <remarks>
/// <para>
/// Reads need only a node. Transactions need a <see cref="TransactionSender"/>, whose key is the caller the
/// contract checks: governance's key for the issuer registry, an authority's current key for anchoring,
/// revoking and superseding. <see cref="WithSender"/> gives a client for another key on the same registry.
/// </para>
/// <para>
/// A refusal by the contract surfaces as <see cref="RegistryRevertException"/> naming the custom error and its
/// arguments, whether the gas estimate reverted (nothing was sent) or a mined transaction failed and replaying it
/// against its block's state reverts (something else was mined first).
/// </para>
/// </remarks>
public sealed partial class NoticeRegistryClient
{
    /// <summary>Creates a client for the registry at <paramref name="address"/>.</summary>
    /// <param name="rpc">The node to read from.</param>
    /// <param name="address">The registry contract's address.</param>
    /// <param name="sender">The key that sends transactions, or null for a read-only client.</param>
    public NoticeRegistryClient(EthRpcClient rpc, Address address, TransactionSender? sender = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        Rpc = rpc;
        Address = address;
        Sender = sender;
    }

    /// <summary>The node the client reads from.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>The registry contract's address.</summary>
    public Address Address { get; }

    /// <summary>The key transactions are sent with; null for a read-only client.</summary>
    public TransactionSender? Sender { get; }

    /// <summary>Deploys a new registry with <paramref name="governance"/> as its governance.</summary>
    /// <param name="sender">The deployer; it pays for the deployment and gains no rights by it.</param>
    /// <param name="creationCode">The contract's creation bytecode (the <c>bytecode</c> of contracts/out/NoticeRegistry.json).</param>
    /// <param name="governance">The address that will manage authorities.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    /// <exception cref="RegistryRevertException">The constructor reverted (<c>ZeroGovernance</c>).</exception>
    public static async Task<NoticeRegistryDeployment> DeployAsync(
        TransactionSender sender, ReadOnlyMemory<byte> creationCode, Address governance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (creationCode.IsEmpty)
        {
            throw new ArgumentException("The creation code is empty.", nameof(creationCode));
        }

        var data = NoticeRegistryAbi.Contract.Constructor.EncodeDeployment(creationCode.Span, governance);
        TransactionReceipt receipt;
        try
        {
            receipt = await sender.SendAsync(to: null, data, cancellationToken).ConfigureAwait(false);
        }
        catch (EthRpcException error) when (IsRevert(error))
        {
            throw RegistryRevertException.FromRevertData(error.DataBytes ?? ReadOnlyMemory<byte>.Empty, error);
        }

        var address = receipt.ContractAddress
            ?? throw new InvalidOperationException($"The deployment receipt {receipt.TransactionHash} names no contract address.");
        return new NoticeRegistryDeployment(new NoticeRegistryClient(sender.Rpc, address, sender), receipt);
    }

    /// <summary>A client for the same registry and node that sends with <paramref name="sender"/>.</summary>
    public NoticeRegistryClient WithSender(TransactionSender sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return new NoticeRegistryClient(Rpc, Address, sender);
    }

    /// <summary>The registry's events in a receipt, in log order; logs of other contracts are left out.</summary>
    /// <exception cref="AbiException">A log of the registry is malformed.</exception>
    public IReadOnlyList<RegistryEvent> DecodeEvents(TransactionReceipt receipt) => RegistryEventDecoder.DecodeReceipt(receipt, Address);

    /// <summary>
    /// A node's error is a contract revert when it says so (code 3) or carries data that starts with one of the
    /// registry's error selectors; Besu, for one, reports reverts with code -32000 and the data attached.
    /// </summary>
    private static bool IsRevert(EthRpcException error) =>
        error.IsExecutionReverted
        || (error.DataBytes is { Length: >= 4 } data && NoticeRegistryAbi.Contract.FindError(data.Span) is not null);
}
