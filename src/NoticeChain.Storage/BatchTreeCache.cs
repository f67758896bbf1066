using NoticeChain.Core.Merkle;

namespace NoticeChain.Storage;

/// <summary>The trees of recently read batches, least recently used first out, bounded by their total leaves.</summary>
/// <remarks>
/// <para>
/// A batch's tree never changes once created, so a cached tree is never stale. The verify API reads receipts of
/// random notices: with a one-entry cache almost every request rebuilt a tree of up to <c>MaxBatchSize</c> leaves
/// (thousands of SHA-256 computations and a 128 KiB read). Each cached tree holds about twice its leaves in hashes
/// (every level), so the default bound of 262,144 leaves keeps the cache near 16 MiB whatever the batch sizes.
/// </para>
/// <para>Thread-safe: one lock around a dictionary and a recency list; tree building happens outside it.</para>
/// </remarks>
internal sealed class BatchTreeCache
{
    /// <summary>The default bound on the leaves of all cached trees together.</summary>
    public const long DefaultMaxLeaves = 262_144;

    private readonly long _maxLeaves;
    private readonly Dictionary<long, LinkedListNode<Entry>> _byBatch = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();
    private long _leaves;

    /// <param name="maxLeaves">The bound on the leaves of all cached trees; a larger tree is not cached at all.</param>
    public BatchTreeCache(long maxLeaves = DefaultMaxLeaves)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLeaves, 1);
        _maxLeaves = maxLeaves;
    }

    /// <summary>The number of trees cached now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byBatch.Count;
            }
        }
    }

    /// <summary>The cached tree of <paramref name="batchId"/>, or null; a hit makes it the most recently used.</summary>
    public MerkleTree? Get(long batchId)
    {
        lock (_gate)
        {
            if (!_byBatch.TryGetValue(batchId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Tree;
        }
    }

    /// <summary>Remembers <paramref name="tree"/> as the tree of <paramref name="batchId"/>, evicting the least recently
    /// used trees while the bound is exceeded.</summary>
    public void Set(long batchId, MerkleTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var leaves = checked((long)tree.Size);
        if (leaves > _maxLeaves)
        {
            return;
        }

        lock (_gate)
        {
            if (_byBatch.ContainsKey(batchId))
            {
                return;
            }

            _byBatch[batchId] = _recency.AddFirst(new Entry(batchId, tree, leaves));
            _leaves += leaves;
            while (_leaves > _maxLeaves && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _byBatch.Remove(oldest.Value.BatchId);
                _leaves -= oldest.Value.Leaves;
            }
        }
    }

    private sealed record Entry(long BatchId, MerkleTree Tree, long Leaves);
}
