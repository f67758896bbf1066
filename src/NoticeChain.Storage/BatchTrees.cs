using NoticeChain.Core.Merkle;

namespace NoticeChain.Storage;

/// <summary>A batch's tree as every store keeps it: the leaf hashes concatenated in leaf order in one column, and
/// the root beside them.</summary>
/// <remarks>
/// Pure logic shared by both stores. One row is enough to compute any audit path of the batch, even after its
/// notices are crypto-shredded.
/// </remarks>
internal static class BatchTrees
{
    /// <summary>Concatenates leaf hashes for the batch's <c>leaves</c> column.</summary>
    public static byte[] Concatenate(IReadOnlyList<MerkleHash> leaves)
    {
        var concatenated = new byte[leaves.Count * MerkleHash.Size];
        for (var i = 0; i < leaves.Count; i++)
        {
            leaves[i].CopyTo(concatenated.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }

        return concatenated;
    }

    /// <summary>Splits a batch's concatenated leaf hashes.</summary>
    /// <exception cref="InvalidOperationException">The length is not a multiple of the hash size.</exception>
    public static MerkleHash[] Split(byte[] concatenated)
    {
        if (concatenated.Length % MerkleHash.Size != 0)
        {
            throw new InvalidOperationException($"A batch's leaves are {concatenated.Length} bytes, not a multiple of {MerkleHash.Size}.");
        }

        var leaves = new MerkleHash[concatenated.Length / MerkleHash.Size];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new MerkleHash(concatenated.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }

        return leaves;
    }

    /// <summary>Rebuilds a batch's tree from its stored leaves and checks it against the stored root.</summary>
    /// <exception cref="InvalidOperationException">The leaves do not lead to the root: the row is corrupt.</exception>
    public static MerkleTree Rebuild(long batchId, byte[] root, byte[] leaves)
    {
        var tree = MerkleTree.FromLeafHashes(Split(leaves));
        if (tree.Root != new MerkleHash(root))
        {
            throw new InvalidOperationException($"Batch {batchId}: the stored leaves do not lead to the stored root.");
        }

        return tree;
    }
}
