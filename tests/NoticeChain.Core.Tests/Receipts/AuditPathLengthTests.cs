using NoticeChain.Core.Merkle;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Tests.Receipts;

public sealed class AuditPathLengthTests
{
    [Fact]
    public void The_length_is_that_of_the_path_the_tree_proves_for_every_index_of_every_size_up_to_130()
    {
        var leaves = Enumerable.Range(0, 130).Select(i => MerkleLeaf.HashEntry(BitConverter.GetBytes(i))).ToArray();
        for (var size = 1; size <= leaves.Length; size++)
        {
            var tree = MerkleTree.FromLeafHashes(leaves.AsSpan(0, size));
            for (var index = 0UL; index < (ulong)size; index++)
            {
                Assert.Equal(tree.ProveInclusion(index).AuditPath.Count, AuditPathLength.For(index, (ulong)size));
            }
        }
    }

    [Fact]
    public void Large_trees_have_paths_as_long_as_their_height()
    {
        Assert.Equal(32, AuditPathLength.For(0, 1UL << 32));
        Assert.Equal(53, AuditPathLength.For(0, (1UL << 53) - 1));
        Assert.Equal(64, AuditPathLength.For(0, ulong.MaxValue));
        Assert.Equal(0, AuditPathLength.For(0, 1));
    }

    [Fact]
    public void An_index_outside_the_tree_has_no_path()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditPathLength.For(5, 5));
    }
}
