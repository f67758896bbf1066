using NoticeChain.Core.Merkle;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>The contract's <c>verifyInclusion</c> (RFC 9162 section 2.1.3.2 on the sha256 precompile) agrees with
/// NoticeChain.Core's verifier on real trees, for valid proofs and for every way of breaking one.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class NoticeRegistryInclusionTests(AnvilFixture fixture)
{
    public static TheoryData<int> SmallSizes => [.. Enumerable.Range(1, 40)];

    public static TheoryData<int, int> LargeSizes => new()
    {
        { 1_000, 40 },
        { 4_097, 40 },
        { 65_536, 24 },
    };

    [Theory]
    [MemberData(nameof(SmallSizes))]
    public async Task Every_leaf_of_a_small_tree_verifies_on_chain_as_in_csharp(int size)
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = SeededBatch(size);

        for (var index = 0; index < size; index++)
        {
            var proof = batch.Tree.ProveInclusion((ulong)index);
            Assert.Equal(InclusionProofResult.Verified, proof.Verify(batch.Leaves[index], batch.Root));
            Assert.True(await bed.Governance.VerifyInclusionAsync(batch.Leaves[index], proof, batch.Root), $"leaf {index} of {size}");
        }

        foreach (var index in new[] { 0, size / 2, size - 1 }.Distinct())
        {
            await AssertBrokenProofsAgreeAsync(bed, batch, index);
        }
    }

    [Theory]
    [MemberData(nameof(LargeSizes))]
    public async Task Sampled_leaves_of_a_large_tree_verify_on_chain_as_in_csharp(int size, int samples)
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = SeededBatch(size);
        var random = new Random(size);
        var indices = new[] { 0, size - 1 }.Concat(Enumerable.Range(0, samples).Select(_ => random.Next(size))).Distinct();

        foreach (var index in indices)
        {
            var proof = batch.Tree.ProveInclusion((ulong)index);
            Assert.True(await bed.Governance.VerifyInclusionAsync(batch.Leaves[index], proof, batch.Root), $"leaf {index} of {size}");
        }

        await AssertBrokenProofsAgreeAsync(bed, batch, size - 1);
        await AssertBrokenProofsAgreeAsync(bed, batch, random.Next(size));
    }

    [Fact]
    public async Task Proofs_beyond_the_path_bound_or_for_empty_trees_are_false_not_reverts()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = SeededBatch(3);
        var leaf = batch.Leaves[0];

        Assert.False(await bed.Governance.VerifyInclusionAsync(leaf, new InclusionProof(0, 0, []), batch.Root));
        Assert.False(await bed.Governance.VerifyInclusionAsync(leaf, new InclusionProof(0, ulong.MaxValue, Enumerable.Repeat(leaf, 65)), batch.Root));
        Assert.False(await bed.Governance.VerifyInclusionAsync(leaf, new InclusionProof(ulong.MaxValue, ulong.MaxValue, Enumerable.Repeat(leaf, 64)), batch.Root));
    }

    [Fact]
    public async Task A_single_leaf_tree_verifies_with_an_empty_path_whose_root_is_the_leaf()
    {
        using var bed = await RegistryTestBed.DeployAsync(fixture);
        var batch = SeededBatch(1);

        Assert.Equal(batch.Leaves[0], batch.Root);
        Assert.True(await bed.Governance.VerifyInclusionAsync(batch.Leaves[0], new InclusionProof(0, 1, []), batch.Root));
        Assert.False(await bed.Governance.VerifyInclusionAsync(batch.Leaves[0], new InclusionProof(0, 2, []), batch.Root));
    }

    /// <summary>
    /// Breaks the proof of one leaf in every way RFC 9162's algorithm distinguishes and checks that both verifiers
    /// give the same answer; some variants (a neighbouring size with the same path shape) legitimately still verify.
    /// </summary>
    private static async Task AssertBrokenProofsAgreeAsync(RegistryTestBed bed, NoticeBatch batch, int index)
    {
        var leaf = batch.Leaves[index];
        var proof = batch.Tree.ProveInclusion((ulong)index);
        var path = proof.AuditPath;
        var other = SeededBatch(1, seed: index + 7).Leaves[0];
        List<(string Name, MerkleHash Leaf, InclusionProof Proof, MerkleHash Root)> variants =
        [
            ("other leaf", other, proof, batch.Root),
            ("other root", leaf, proof, other),
            ("next index", leaf, new InclusionProof(proof.LeafIndex + 1, proof.TreeSize, path), batch.Root),
            ("previous index", leaf, new InclusionProof(proof.LeafIndex == 0 ? 0 : proof.LeafIndex - 1, proof.TreeSize, path), batch.Root),
            ("index = size", leaf, new InclusionProof(proof.TreeSize, proof.TreeSize, path), batch.Root),
            ("size + 1", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize + 1, path), batch.Root),
            ("size - 1", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize - 1, path), batch.Root),
            ("size doubled", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize * 2, path), batch.Root),
            ("path extended", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize, [.. path, other]), batch.Root),
            ("path truncated", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize, path.Take(Math.Max(0, path.Count - 1))), batch.Root),
            ("path reversed", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize, path.Reverse()), batch.Root),
            ("first element replaced", leaf, new InclusionProof(proof.LeafIndex, proof.TreeSize, path.Select((h, i) => i == 0 ? other : h)), batch.Root),
        ];

        foreach (var (name, variantLeaf, variantProof, variantRoot) in variants)
        {
            var expected = variantProof.Verify(variantLeaf, variantRoot) == InclusionProofResult.Verified;
            var onChain = await bed.Governance.VerifyInclusionAsync(variantLeaf, variantProof, variantRoot);
            Assert.True(expected == onChain, $"{name} of leaf {index} of {batch.Size}: C# {expected}, chain {onChain}");
        }
    }

    /// <summary>A reproducible batch: leaf hashes drawn from a generator seeded with the size.</summary>
    private static NoticeBatch SeededBatch(int size, int? seed = null)
    {
        var random = new Random(seed ?? size);
        var leaves = new MerkleHash[size];
        var bytes = new byte[MerkleHash.Size];
        for (var i = 0; i < size; i++)
        {
            random.NextBytes(bytes);
            leaves[i] = new MerkleHash(bytes);
        }

        return new NoticeBatch(leaves);
    }
}
