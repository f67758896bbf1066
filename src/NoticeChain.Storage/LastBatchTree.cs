using NoticeChain.Core.Merkle;

namespace NoticeChain.Storage;

/// <summary>The tree of the last batch a store rebuilt, kept because a batch's tree never changes once created.</summary>
/// <remarks>
/// Reading the receipts of one batch one after the other (a bulk export, the API after a batch is mined, the
/// verify API) then builds its tree once, not once per notice. Thread-safe: the entry is replaced as a whole.
/// Shared pure logic; the SQLite store has the same cache inline and can move to this one.
/// </remarks>
internal sealed class LastBatchTree
{
    private volatile Entry? _last;

    /// <summary>The cached tree of <paramref name="batchId"/>, or null.</summary>
    public MerkleTree? Get(long batchId) => _last is { } last && last.BatchId == batchId ? last.Tree : null;

    /// <summary>Remembers <paramref name="tree"/> as the tree of <paramref name="batchId"/>.</summary>
    public void Set(long batchId, MerkleTree tree) => _last = new Entry(batchId, tree);

    private sealed record Entry(long BatchId, MerkleTree Tree);
}
