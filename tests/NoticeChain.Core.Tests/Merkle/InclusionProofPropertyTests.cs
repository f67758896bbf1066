using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests.Merkle;

/// <summary>
/// Properties of generated proofs on seeded random trees of every size from 1 to 300: each valid proof
/// verifies, and any change to what it binds (leaf, path, root, index) makes it fail. Byte flips are
/// sampled, one random byte per hash, so every size and every leaf stays covered at modest cost.
/// </summary>
public sealed class InclusionProofPropertyTests
{
    private const int LargestSize = 300;

    public static TheoryData<int> Sizes() => [.. Enumerable.Range(1, LargestSize)];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_leaf_proof_verifies_and_leads_to_the_root(int size)
    {
        var (leaves, tree) = RandomTree(size);

        for (var index = 0; index < size; index++)
        {
            var proof = tree.ProveInclusion((ulong)index);

            Assert.Equal(InclusionProofResult.Verified, proof.Verify(leaves[index], tree.Root));
            Assert.True(proof.TryComputeRoot(leaves[index], out var root));
            Assert.Equal(tree.Root, root);
            Assert.Equal(SiblingSides((ulong)index, (ulong)size).Count, proof.AuditPath.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Changing_any_byte_of_the_leaf_a_path_element_or_the_root_fails(int size)
    {
        var (leaves, tree) = RandomTree(size);
        var random = new Random(size);

        for (var index = 0; index < size; index++)
        {
            var proof = tree.ProveInclusion((ulong)index);

            Assert.Equal(InclusionProofResult.RootMismatch, proof.Verify(Flip(leaves[index], random), tree.Root));
            Assert.Equal(InclusionProofResult.RootMismatch, proof.Verify(leaves[index], Flip(tree.Root, random)));
            for (var element = 0; element < proof.AuditPath.Count; element++)
            {
                var path = proof.AuditPath.ToArray();
                path[element] = Flip(path[element], random);
                var changed = new InclusionProof(proof.LeafIndex, proof.TreeSize, path);

                Assert.Equal(InclusionProofResult.RootMismatch, changed.Verify(leaves[index], tree.Root));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Changing_the_index_fails(int size)
    {
        var (leaves, tree) = RandomTree(size);
        var random = new Random(size);
        var n = (ulong)size;

        for (var index = 0UL; index < n; index++)
        {
            var proof = tree.ProveInclusion(index);
            var other = (index + 1 + (ulong)random.NextInt64(Math.Max(size - 1, 1))) % n;
            ulong[] wrongIndices = other == index ? [unchecked(index - 1), index + 1] : [unchecked(index - 1), index + 1, other];

            foreach (var wrong in wrongIndices)
            {
                var changed = new InclusionProof(wrong, n, proof.AuditPath);

                Assert.NotEqual(InclusionProofResult.Verified, changed.Verify(leaves[index], tree.Root));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Changing_the_size_fails_unless_the_path_has_the_same_shape_in_both_sizes(int size)
    {
        // RFC 9162 does not hash the size into the root (see InclusionProof's remarks): a neighbouring size
        // verifies exactly when the leaf has siblings on the same sides at the same depths in both trees.
        var (leaves, tree) = RandomTree(size);
        var n = (ulong)size;

        for (var index = 0UL; index < n; index++)
        {
            var proof = tree.ProveInclusion(index);
            foreach (var wrongSize in new[] { n - 1, n + 1 })
            {
                var changed = new InclusionProof(index, wrongSize, proof.AuditPath);
                var result = changed.Verify(leaves[(int)index], tree.Root);

                if (index >= wrongSize)
                {
                    Assert.Equal(InclusionProofResult.LeafIndexOutOfRange, result);
                }
                else
                {
                    var sameShape = SiblingSides(index, wrongSize).SequenceEqual(SiblingSides(index, n));
                    Assert.Equal(sameShape, result == InclusionProofResult.Verified);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_truncated_extended_or_empty_path_fails(int size)
    {
        var (leaves, tree) = RandomTree(size);

        for (var index = 0; index < size; index++)
        {
            var proof = tree.ProveInclusion((ulong)index);
            var path = proof.AuditPath;
            var extended = new InclusionProof(proof.LeafIndex, proof.TreeSize, [.. path, tree.Root]);

            Assert.Equal(InclusionProofResult.PathTooLong, extended.Verify(leaves[index], tree.Root));
            if (size > 1)
            {
                var truncated = new InclusionProof(proof.LeafIndex, proof.TreeSize, path.Take(path.Count - 1));
                var empty = new InclusionProof(proof.LeafIndex, proof.TreeSize, []);

                Assert.Equal(InclusionProofResult.PathTooShort, truncated.Verify(leaves[index], tree.Root));
                Assert.Equal(InclusionProofResult.PathTooShort, empty.Verify(leaves[index], tree.Root));
            }
        }
    }

    private static (MerkleHash[] Leaves, MerkleTree Tree) RandomTree(int size)
    {
        var random = new Random(unchecked(size * 7919));
        var leaves = new MerkleHash[size];
        var bytes = new byte[MerkleHash.Size];
        for (var i = 0; i < size; i++)
        {
            random.NextBytes(bytes);
            leaves[i] = new MerkleHash(bytes);
        }

        return (leaves, MerkleTree.FromLeafHashes(leaves));
    }

    private static MerkleHash Flip(MerkleHash hash, Random random)
    {
        var bytes = hash.ToArray();
        bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        return new MerkleHash(bytes);
    }

    /// <summary>
    /// For each audit path element, deepest first, whether the sibling sits on the left: the shape of
    /// <c>PATH(m, D[n])</c>, read straight off the recursive definition in RFC 9162, section 2.1.3.1.
    /// </summary>
    private static List<bool> SiblingSides(ulong m, ulong n)
    {
        if (n == 1)
        {
            return [];
        }

        var k = 1UL;
        while (k * 2 < n)
        {
            k *= 2;
        }

        var sides = m < k ? SiblingSides(m, k) : SiblingSides(m - k, n - k);
        sides.Add(m >= k);
        return sides;
    }
}
