using NoticeChain.Core.Merkle;

namespace NoticeChain.Storage.Tests.Trees;

public sealed class BatchTreeCacheTests
{
    [Fact]
    public void A_cached_tree_is_returned_for_its_batch_only()
    {
        var cache = new BatchTreeCache(maxLeaves: 100);
        var tree = TreeOf(10);

        cache.Set(1, tree);

        Assert.Same(tree, cache.Get(1));
        Assert.Null(cache.Get(2));
    }

    [Fact]
    public void Several_batches_stay_cached_while_their_leaves_fit_the_bound()
    {
        var cache = new BatchTreeCache(maxLeaves: 100);
        var trees = Enumerable.Range(1, 5).Select(i => (Batch: (long)i, Tree: TreeOf(20))).ToList();

        foreach (var (batch, tree) in trees)
        {
            cache.Set(batch, tree);
        }

        Assert.Equal(5, cache.Count);
        Assert.All(trees, entry => Assert.Same(entry.Tree, cache.Get(entry.Batch)));
    }

    [Fact]
    public void The_least_recently_used_tree_goes_first_when_the_bound_is_exceeded()
    {
        var cache = new BatchTreeCache(maxLeaves: 60);
        cache.Set(1, TreeOf(20));
        cache.Set(2, TreeOf(20));
        cache.Set(3, TreeOf(20));
        Assert.NotNull(cache.Get(1)); // 1 is now more recent than 2

        cache.Set(4, TreeOf(20));

        Assert.Null(cache.Get(2));
        Assert.NotNull(cache.Get(1));
        Assert.NotNull(cache.Get(3));
        Assert.NotNull(cache.Get(4));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void A_tree_larger_than_the_bound_is_not_cached_and_evicts_nothing()
    {
        var cache = new BatchTreeCache(maxLeaves: 50);
        cache.Set(1, TreeOf(30));

        cache.Set(2, TreeOf(51));

        Assert.Null(cache.Get(2));
        Assert.NotNull(cache.Get(1));
    }

    [Fact]
    public void Concurrent_readers_and_writers_keep_the_cache_within_its_bound()
    {
        var cache = new BatchTreeCache(maxLeaves: 64);
        var tree = TreeOf(16);

        Parallel.For(0, 10_000, i =>
        {
            cache.Set(i % 37, tree);
            _ = cache.Get((i * 7) % 37);
        });

        Assert.InRange(cache.Count, 1, 4);
    }

    private static MerkleTree TreeOf(int leaves) =>
        MerkleTree.FromLeafHashes(Enumerable.Range(0, leaves).Select(i => MerkleLeaf.HashEntry(BitConverter.GetBytes(i))));
}
