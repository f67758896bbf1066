using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain;

// The registry's state-changing functions, each one transaction from the client's sender.
public sealed partial class NoticeRegistryClient
{
    /// <summary>Proposes <paramref name="newGovernance"/> as governance (zero withdraws a proposal); sender: governance.</summary>
    /// <exception cref="RegistryRevertException"><c>NotGovernance</c>.</exception>
    public Task<TransactionReceipt> TransferGovernanceAsync(Address newGovernance, CancellationToken cancellationToken = default) =>
        TransactAsync(NoticeRegistryAbi.TransferGovernance.EncodeCall(newGovernance), cancellationToken);

    /// <summary>Completes a governance transfer; sender: the proposed governance.</summary>
    /// <exception cref="RegistryRevertException"><c>NotPendingGovernance</c>.</exception>
    public Task<TransactionReceipt> AcceptGovernanceAsync(CancellationToken cancellationToken = default) =>
        TransactAsync(NoticeRegistryAbi.AcceptGovernance.EncodeCall(), cancellationToken);

    /// <summary>Registers an authority with its first signing key; sender: governance.</summary>
    /// <param name="issuerId">The authority's permanent id; not zero, never registered.</param>
    /// <param name="name">The display name, 1 to <see cref="NoticeRegistryAbi.MaxNameLength"/> bytes of UTF-8.</param>
    /// <param name="key">The signing key's address; not zero, never registered for any authority.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    /// <exception cref="RegistryRevertException"><c>NotGovernance</c>, <c>ZeroIssuerId</c>, <c>EmptyName</c>, <c>NameTooLong</c>,
    /// <c>IssuerAlreadyRegistered</c>, <c>ZeroKey</c> or <c>KeyAlreadyUsed</c>.</exception>
    public Task<TransactionReceipt> RegisterIssuerAsync(IssuerId issuerId, string name, Address key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TransactAsync(NoticeRegistryAbi.RegisterIssuer.EncodeCall(issuerId.ToArray(), name, key), cancellationToken);
    }

    /// <summary>Replaces an active authority's key; sender: governance. Roots of the old key stay the authority's.</summary>
    /// <exception cref="RegistryRevertException"><c>NotGovernance</c>, <c>UnknownIssuer</c>, <c>IssuerIsRetired</c>, <c>ZeroKey</c>
    /// or <c>KeyAlreadyUsed</c>.</exception>
    public Task<TransactionReceipt> RotateIssuerKeyAsync(IssuerId issuerId, Address newKey, CancellationToken cancellationToken = default) =>
        TransactAsync(NoticeRegistryAbi.RotateIssuerKey.EncodeCall(issuerId.ToArray(), newKey), cancellationToken);

    /// <summary>Retires an authority for good; sender: governance. Its anchors stay verifiable.</summary>
    /// <exception cref="RegistryRevertException"><c>NotGovernance</c>, <c>UnknownIssuer</c> or <c>IssuerIsRetired</c>.</exception>
    public Task<TransactionReceipt> RetireIssuerAsync(IssuerId issuerId, CancellationToken cancellationToken = default) =>
        TransactAsync(NoticeRegistryAbi.RetireIssuer.EncodeCall(issuerId.ToArray()), cancellationToken);

    /// <summary>Anchors the root of a tree of <paramref name="size"/> notices; sender: an active authority's current key.</summary>
    /// <exception cref="RegistryRevertException"><c>UnknownKey</c>, <c>IssuerIsRetired</c>, <c>KeyRotatedOut</c>, <c>ZeroRoot</c>,
    /// <c>EmptyTree</c> or <c>RootAlreadyAnchored</c>.</exception>
    public Task<TransactionReceipt> AnchorAsync(MerkleHash root, ulong size, CancellationToken cancellationToken = default) =>
        TransactAsync(NoticeRegistryAbi.Anchor.EncodeCall(root.ToArray(), size), cancellationToken);

    /// <summary>Revokes one of the sender's authority's notices, proven against one of its roots.</summary>
    /// <param name="notice">The notice's leaf, its anchored root and the inclusion proof.</param>
    /// <param name="reason">Why the notice is revoked.</param>
    /// <param name="effectiveAt">When the revocation takes legal effect, in whole seconds; may lie in the past or the future.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined or <paramref name="effectiveAt"/> is before 1970.</exception>
    /// <exception cref="RegistryRevertException">The sender may not act (<c>UnknownKey</c>, <c>IssuerIsRetired</c>, <c>KeyRotatedOut</c>),
    /// the root is not its own (<c>RootNotAnchored</c>, <c>NotRootIssuer</c>), the proof fails (<c>TreeSizeMismatch</c>,
    /// <c>IndexOutOfRange</c>, <c>ProofTooLong</c>, <c>InvalidProof</c>), the date is out of range (<c>EffectiveDateOutOfRange</c>)
    /// or the notice is already revoked or superseded.</exception>
    public Task<TransactionReceipt> RevokeAsync(
        NoticeInclusion notice, RevocationReason reason, DateTimeOffset effectiveAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var data = NoticeRegistryAbi.Revoke.EncodeCall(
            notice.Leaf.ToArray(),
            notice.Root.ToArray(),
            notice.Proof.LeafIndex,
            notice.Proof.TreeSize,
            PathOf(notice.Proof),
            ReasonCode(reason),
            UnixTime.ToSeconds(effectiveAt, nameof(effectiveAt)));
        return TransactAsync(data, cancellationToken);
    }

    /// <summary>Replaces one of the sender's authority's notices by another of its notices, both proven against its roots.</summary>
    /// <param name="oldNotice">The notice to replace; neither revoked nor superseded.</param>
    /// <param name="newNotice">The replacement; anchored by the same authority and still in force.</param>
    /// <param name="reason">Why the notice is replaced.</param>
    /// <param name="effectiveAt">When the replacement takes legal effect, in whole seconds.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined or <paramref name="effectiveAt"/> is before 1970.</exception>
    /// <exception cref="RegistryRevertException">As for <see cref="RevokeAsync"/>, for either notice, or <c>SupersededBySelf</c>.</exception>
    public Task<TransactionReceipt> SupersedeAsync(
        NoticeInclusion oldNotice,
        NoticeInclusion newNotice,
        RevocationReason reason,
        DateTimeOffset effectiveAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldNotice);
        ArgumentNullException.ThrowIfNull(newNotice);
        var data = NoticeRegistryAbi.Supersede.EncodeCall(
            InclusionTuple(oldNotice),
            InclusionTuple(newNotice),
            ReasonCode(reason),
            UnixTime.ToSeconds(effectiveAt, nameof(effectiveAt)));
        return TransactAsync(data, cancellationToken);
    }

    private static object?[] InclusionTuple(NoticeInclusion notice) =>
        [notice.Leaf.ToArray(), notice.Root.ToArray(), notice.Proof.LeafIndex, notice.Proof.TreeSize, PathOf(notice.Proof)];

    private static object?[] PathOf(InclusionProof proof) => [.. proof.AuditPath.Select(hash => (object?)hash.ToArray())];

    private static byte ReasonCode(RevocationReason reason) =>
        Enum.IsDefined(reason)
            ? (byte)reason
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not one of the registry's reason codes.");

    private async Task<TransactionReceipt> TransactAsync(byte[] data, CancellationToken cancellationToken)
    {
        var sender = Sender ?? throw new InvalidOperationException("This client is read-only: create it with a TransactionSender to send transactions.");
        try
        {
            return await sender.SendAsync(Address, data, cancellationToken).ConfigureAwait(false);
        }
        catch (EthRpcException error) when (IsRevert(error))
        {
            throw RegistryRevertException.FromRevertData(error.DataBytes ?? ReadOnlyMemory<byte>.Empty, error);
        }
        catch (TransactionFailedException failed) when (failed.Receipt is not null)
        {
            var explanation = await ReplayAsync(sender.Address, data, failed, cancellationToken).ConfigureAwait(false);
            if (explanation is not null)
            {
                throw explanation;
            }

            throw;
        }
    }

    /// <summary>
    /// Re-runs a failed transaction as a call against the state after its block. A transaction that lost a race
    /// (the same root anchored first by another transaction of the block) reverts there with the reason; one
    /// that merely ran out of gas does not, and then the caller keeps the <see cref="TransactionFailedException"/>.
    /// </summary>
    private async Task<RegistryRevertException?> ReplayAsync(
        Address from, byte[] data, TransactionFailedException failed, CancellationToken cancellationToken)
    {
        try
        {
            await Rpc.CallAsync(
                new CallRequest { From = from, To = Address, Data = data },
                BlockParameter.FromNumber(failed.Receipt!.BlockNumber),
                cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (EthRpcException error) when (IsRevert(error))
        {
            return RegistryRevertException.FromRevertData(error.DataBytes ?? ReadOnlyMemory<byte>.Empty, failed);
        }
        catch (EthRpcException)
        {
            // The node cannot replay (e.g. it pruned that block's state): the failure stays unexplained.
            return null;
        }
    }
}
