using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests.Merkle;

public sealed class InclusionProofTests
{
    public static TheoryData<int> TreeSizes() => MerkleVectors.TreeSizes();

    public static TheoryData<int> CtProofNumbers() => MerkleVectors.CtProofNumbers();

    [Theory]
    [MemberData(nameof(CtProofNumbers))]
    public void Certificate_Transparency_proof_verifies(int number)
    {
        var proof = MerkleVectors.CtProof(number);
        var leafHash = MerkleVectors.CtLeafHashes[(int)proof.LeafIndex];
        var root = MerkleVectors.Ct.Hashes("roots")[(int)proof.TreeSize];

        Assert.Equal(InclusionProofResult.Verified, proof.Verify(leafHash, root));
        Assert.True(proof.TryComputeRoot(leafHash, out var computed));
        Assert.Equal(root, computed);
    }

    [Theory]
    [MemberData(nameof(TreeSizes))]
    public void Every_independent_vector_proof_verifies_against_its_root(int size)
    {
        var tree = MerkleVectors.Tree(size);
        var root = tree.Hash("root");

        foreach (var vector in tree.Array("proofs"))
        {
            var index = vector.GetProperty("leaf_index").GetUInt64();
            var proof = new InclusionProof(index, (ulong)size, vector.Hashes("audit_path"));

            Assert.Equal(InclusionProofResult.Verified, proof.Verify(MerkleVectors.LeafHashes[index], root));
        }
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(1UL, 0UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(8UL, 8UL)]
    [InlineData(9UL, 8UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue)]
    public void Leaf_index_at_or_beyond_the_tree_size_fails(ulong index, ulong size)
    {
        var leaf = MerkleVectors.CtLeafHashes[0];
        var proof = new InclusionProof(index, size, []);

        Assert.Equal(InclusionProofResult.LeafIndexOutOfRange, proof.Verify(leaf, leaf));
        Assert.False(proof.TryComputeRoot(leaf, out var root));
        Assert.Equal(default, root);
    }

    [Fact]
    public void An_extra_path_element_fails_as_too_long()
    {
        var valid = MerkleVectors.CtProof(1);
        var proof = new InclusionProof(valid.LeafIndex, valid.TreeSize, [.. valid.AuditPath, valid.AuditPath[0]]);

        Assert.Equal(InclusionProofResult.PathTooLong, proof.Verify(MerkleVectors.CtLeafHashes[0], CtRoot(8)));
    }

    [Fact]
    public void A_missing_path_element_fails_as_too_short()
    {
        var valid = MerkleVectors.CtProof(1);
        var proof = new InclusionProof(valid.LeafIndex, valid.TreeSize, valid.AuditPath.Take(2));

        Assert.Equal(InclusionProofResult.PathTooShort, proof.Verify(MerkleVectors.CtLeafHashes[0], CtRoot(8)));
    }

    [Fact]
    public void A_path_element_for_a_one_leaf_tree_fails_as_too_long()
    {
        var leaf = MerkleVectors.CtLeafHashes[0];
        var proof = new InclusionProof(0, 1, [leaf]);

        Assert.Equal(InclusionProofResult.PathTooLong, proof.Verify(leaf, leaf));
    }

    [Theory]
    [InlineData(0UL, ulong.MaxValue)]
    [InlineData(ulong.MaxValue - 1, ulong.MaxValue)]
    [InlineData(12345UL, 1UL << 40)]
    public void A_short_path_for_a_huge_tree_fails_without_overflow(ulong index, ulong size)
    {
        var leaf = MerkleVectors.CtLeafHashes[0];
        var proof = new InclusionProof(index, size, MerkleVectors.CtLeafHashes);

        Assert.Equal(InclusionProofResult.PathTooShort, proof.Verify(leaf, leaf));
    }

    [Fact]
    public void A_path_longer_than_any_tree_fails_as_too_long()
    {
        var leaf = MerkleVectors.CtLeafHashes[0];
        var proof = new InclusionProof(0, ulong.MaxValue, Enumerable.Repeat(leaf, 65));

        Assert.Equal(InclusionProofResult.PathTooLong, proof.Verify(leaf, leaf));
    }

    [Fact]
    public void The_wrong_root_fails_as_a_mismatch()
    {
        var proof = MerkleVectors.CtProof(2);

        Assert.Equal(InclusionProofResult.RootMismatch, proof.Verify(MerkleVectors.CtLeafHashes[5], CtRoot(7)));
        Assert.Equal(InclusionProofResult.RootMismatch, proof.Verify(MerkleVectors.CtLeafHashes[5], CtRoot(0)));
    }

    [Fact]
    public void The_default_result_is_a_failure()
    {
        Assert.NotEqual(InclusionProofResult.Verified, default);
    }

    [Fact]
    public void The_size_is_not_bound_into_the_root_so_a_same_shaped_neighbouring_size_also_verifies()
    {
        // Leaf 0 has siblings on the right at three levels in trees of 6 and of 7 leaves, so the path of the
        // 6-leaf tree checks out with size 7 against the 6-leaf root: the size must come from the anchor.
        var tree = MerkleTree.FromLeafHashes(MerkleVectors.LeafHashes.AsSpan(0, 6));
        var path = tree.ProveInclusion(0).AuditPath;
        var sevenTree = MerkleTree.FromLeafHashes(MerkleVectors.LeafHashes.AsSpan(0, 7));

        var claimedSeven = new InclusionProof(0, 7, path);

        Assert.Equal(InclusionProofResult.Verified, claimedSeven.Verify(MerkleVectors.LeafHashes[0], tree.Root));
        Assert.Equal(InclusionProofResult.RootMismatch, claimedSeven.Verify(MerkleVectors.LeafHashes[0], sevenTree.Root));
    }

    [Fact]
    public void Constructor_copies_the_path()
    {
        var path = MerkleVectors.CtProof(1).AuditPath.ToArray();
        var proof = new InclusionProof(0, 8, path);

        path[0] = default;

        Assert.Equal(InclusionProofResult.Verified, proof.Verify(MerkleVectors.CtLeafHashes[0], CtRoot(8)));
        Assert.NotEqual(default, proof.AuditPath[0]);
    }

    [Fact]
    public void Constructor_rejects_a_null_path()
    {
        Assert.Throws<ArgumentNullException>(() => new InclusionProof(0, 1, null!));
    }

    private static MerkleHash CtRoot(int size) => MerkleVectors.Ct.Hashes("roots")[size];
}
