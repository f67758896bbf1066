using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage;

/// <summary>What a store reads to build a notice's receipt: the notice's digest, salt and place in its batch, the
/// batch's root, and the mined transaction that anchored it.</summary>
/// <remarks>
/// Pure logic shared by the stores: both build every receipt (the issuing API's and the verify API's) through
/// <see cref="Build"/>. The audit path comes from the batch's tree (RFC 9162, section 2.1.3.1), the chain half from the worker's
/// record of the mined transaction: its sender is the anchoring key, its recipient the registry.
/// </remarks>
/// <param name="Digest">The notice's digest.</param>
/// <param name="Salt">The notice's salt.</param>
/// <param name="LeafIndex">The notice's leaf index in its batch.</param>
/// <param name="BatchId">The batch (its chain action id), to rebuild the tree.</param>
/// <param name="Root">The batch's stored root.</param>
/// <param name="TransactionHash">The mined transaction.</param>
/// <param name="BlockNumber">Its block's number.</param>
/// <param name="BlockHash">Its block's hash.</param>
/// <param name="AnchoredAt">Its block's time.</param>
/// <param name="Sender">The transaction's sender: the anchoring key.</param>
/// <param name="ChainId">The transaction's chain id.</param>
/// <param name="Registry">The transaction's recipient: the registry contract.</param>
internal sealed record StoredReceipt(
    Digest Digest,
    Salt Salt,
    ulong LeafIndex,
    long BatchId,
    MerkleHash Root,
    ChainHash TransactionHash,
    ulong BlockNumber,
    ChainHash BlockHash,
    DateTimeOffset AnchoredAt,
    ChainAddress Sender,
    ulong ChainId,
    ChainAddress Registry)
{
    /// <summary>The receipt of <paramref name="authority"/>'s notice, with the audit path from <paramref name="tree"/>.</summary>
    /// <exception cref="InvalidOperationException">The tree is not the batch's (its root differs from the stored one).</exception>
    public Receipt Build(AuthorityId authority, MerkleTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.Root != Root)
        {
            throw new InvalidOperationException($"Batch {BatchId}: the tree does not have the stored root.");
        }

        var anchor = new ReceiptAnchor(
            chainId: ChainId,
            registry: Registry,
            transactionHash: TransactionHash,
            blockNumber: BlockNumber,
            blockHash: BlockHash,
            authority: authority,
            anchoringKey: Sender,
            anchoredAt: AnchoredAt);
        return new Receipt(Digest, Salt, tree.ProveInclusion(LeafIndex), Root, anchor);
    }
}
