using System.Security.Cryptography;
using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests.Merkle;

public sealed class MerkleTreeTests
{
    public static TheoryData<int> TreeSizes() => MerkleVectors.TreeSizes();

    public static TheoryData<int> CtTreeSizes() => [.. Enumerable.Range(0, 9)];

    public static TheoryData<int> CtProofNumbers() => MerkleVectors.CtProofNumbers();

    [Theory]
    [MemberData(nameof(TreeSizes))]
    public void Root_matches_the_independent_RFC_9162_vector(int size)
    {
        var tree = MerkleTree.FromLeafHashes(MerkleVectors.LeafHashes.AsSpan(0, size));

        Assert.Equal((ulong)size, tree.Size);
        Assert.Equal(MerkleVectors.Tree(size).Hash("root"), tree.Root);
    }

    [Theory]
    [MemberData(nameof(TreeSizes))]
    public void Every_audit_path_matches_the_independent_RFC_9162_vector(int size)
    {
        var tree = MerkleTree.FromLeafHashes(MerkleVectors.LeafHashes.AsSpan(0, size));

        foreach (var expected in MerkleVectors.Tree(size).Array("proofs"))
        {
            var index = expected.GetProperty("leaf_index").GetUInt64();
            var proof = tree.ProveInclusion(index);

            Assert.Equal(index, proof.LeafIndex);
            Assert.Equal((ulong)size, proof.TreeSize);
            Assert.Equal(expected.Hashes("audit_path"), proof.AuditPath);
        }
    }

    [Theory]
    [MemberData(nameof(CtTreeSizes))]
    public void Root_matches_the_Certificate_Transparency_root(int size)
    {
        var tree = MerkleTree.FromLeafHashes(MerkleVectors.CtLeafHashes.AsSpan(0, size));

        Assert.Equal(MerkleVectors.Ct.Hashes("roots")[size], tree.Root);
    }

    [Theory]
    [MemberData(nameof(CtProofNumbers))]
    public void Audit_path_matches_the_Certificate_Transparency_proof(int number)
    {
        var expected = MerkleVectors.CtProof(number);
        var tree = MerkleTree.FromLeafHashes(MerkleVectors.CtLeafHashes.AsSpan(0, (int)expected.TreeSize));

        var proof = tree.ProveInclusion(expected.LeafIndex);

        Assert.Equal(expected.AuditPath, proof.AuditPath);
    }

    [Fact]
    public void Empty_tree_has_the_SHA_256_of_the_empty_string_as_root_and_proves_nothing()
    {
        var tree = MerkleTree.FromLeafHashes(ReadOnlySpan<MerkleHash>.Empty);

        Assert.Equal(0UL, tree.Size);
        Assert.Equal(new MerkleHash(SHA256.HashData([])), tree.Root);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProveInclusion(0));
    }

    [Fact]
    public void A_single_leaf_is_its_own_root_with_an_empty_path()
    {
        var leaf = MerkleLeaf.HashEntry([42]);

        var tree = MerkleTree.FromLeafHashes([leaf]);

        Assert.Equal(leaf, tree.Root);
        Assert.Empty(tree.ProveInclusion(0).AuditPath);
    }

    [Theory]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(ulong.MaxValue)]
    public void ProveInclusion_rejects_an_index_outside_the_tree(ulong index)
    {
        var tree = MerkleTree.FromLeafHashes(MerkleVectors.LeafHashes.AsSpan(0, 5));

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProveInclusion(index));
    }

    [Fact]
    public void Enumerable_and_span_overloads_build_the_same_tree()
    {
        var leaves = MerkleVectors.LeafHashes[..33];

        var fromEnumerable = MerkleTree.FromLeafHashes(leaves.ToList());
        var fromSpan = MerkleTree.FromLeafHashes(leaves.AsSpan());

        Assert.Equal(fromSpan.Root, fromEnumerable.Root);
        Assert.Equal(fromSpan.ProveInclusion(32).AuditPath, fromEnumerable.ProveInclusion(32).AuditPath);
    }

    [Fact]
    public void FromLeafHashes_rejects_a_null_sequence()
    {
        Assert.Throws<ArgumentNullException>(() => MerkleTree.FromLeafHashes((IEnumerable<MerkleHash>)null!));
    }

    [Fact]
    public void The_last_leaf_is_not_duplicated_so_a_repeated_leaf_changes_the_root()
    {
        var leaves = MerkleVectors.LeafHashes[..3];

        var three = MerkleTree.FromLeafHashes(leaves);
        var padded = MerkleTree.FromLeafHashes([.. leaves, leaves[2]]);

        Assert.NotEqual(three.Root, padded.Root);
    }

    [Fact]
    public void Leaf_order_matters()
    {
        var leaves = MerkleVectors.LeafHashes[..4];

        var swapped = MerkleTree.FromLeafHashes([leaves[1], leaves[0], leaves[2], leaves[3]]);

        Assert.NotEqual(MerkleTree.FromLeafHashes(leaves).Root, swapped.Root);
    }
}
