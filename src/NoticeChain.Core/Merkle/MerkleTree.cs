using System.Security.Cryptography;

namespace NoticeChain.Core.Merkle;

/// <summary>An RFC 9162 Merkle tree over a batch of leaf hashes, with its root and inclusion proofs.</summary>
/// <remarks>
/// <para>
/// The tree is the Merkle Tree Hash of RFC 9162, section 2.1.1: <c>MTH({})</c> is SHA-256 of the empty string,
/// <c>MTH({d0}) = SHA-256(0x00 || d0)</c> (the leaf hash) and
/// <c>MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))</c> with <c>k</c> the largest power of two
/// smaller than <c>n</c>. Unlike Bitcoin-style trees nothing is duplicated to pad a level (two different
/// batches could otherwise share a root), and unlike merkletools-style trees leaves and inner nodes are
/// hashed with different prefixes (an inner node could otherwise pass as a leaf). The shape is the one
/// Certificate Transparency uses, so any CT-literate engineer can check a proof by hand.
/// </para>
/// <para>
/// The hashes are kept level by level: node <c>j</c> of level <c>i</c> is <c>MTH(D[j·2^i : min((j+1)·2^i, n)])</c>.
/// A parent covering more than <c>2^i</c> leaves splits exactly at <c>k = 2^i</c>, the RFC's split, so it is the
/// inner hash of its two children; a parent covering at most <c>2^i</c> leaves (the last node of a level with
/// an odd count) covers the same leaves as its only child and therefore is that child's hash, unchanged.
/// Building costs <c>n - 1</c> node hashes and about <c>64·n</c> bytes; a proof is then read off in
/// <c>O(log n)</c> without hashing.
/// </para>
/// </remarks>
public sealed class MerkleTree
{
    private const int HashSize = MerkleHash.Size;

    /// <summary>The hashes level by level, leaves first, each level a contiguous run of 32-byte hashes.</summary>
    private readonly byte[][] _levels;

    private MerkleTree(byte[][] levels, ulong size, MerkleHash root)
    {
        _levels = levels;
        Size = size;
        Root = root;
    }

    /// <summary>The number of leaves, the RFC's tree size.</summary>
    public ulong Size { get; }

    /// <summary>The Merkle Tree Hash of all leaves; for the empty tree, SHA-256 of the empty string.</summary>
    public MerkleHash Root { get; }

    /// <summary>Builds the tree over leaf hashes in the given order.</summary>
    /// <param name="leafHashes">
    /// Leaf hashes as returned by <see cref="MerkleLeaf"/>, not entries: the leaf prefix must already be applied.
    /// </param>
    /// <exception cref="ArgumentException">More leaves than a tree held in memory can store.</exception>
    public static MerkleTree FromLeafHashes(ReadOnlySpan<MerkleHash> leafHashes)
    {
        if (leafHashes.Length > Array.MaxLength / HashSize)
        {
            throw new ArgumentException($"A tree holds at most {Array.MaxLength / HashSize} leaves.", nameof(leafHashes));
        }

        if (leafHashes.IsEmpty)
        {
            Span<byte> empty = stackalloc byte[HashSize];
            SHA256.HashData([], empty);
            return new MerkleTree([], 0, new MerkleHash(empty));
        }

        var leaves = new byte[leafHashes.Length * HashSize];
        for (var i = 0; i < leafHashes.Length; i++)
        {
            leafHashes[i].CopyTo(leaves.AsSpan(i * HashSize, HashSize));
        }

        var levels = new List<byte[]> { leaves };
        var level = leaves;
        while (level.Length > HashSize)
        {
            level = HashLevel(level);
            levels.Add(level);
        }

        return new MerkleTree([.. levels], (ulong)leafHashes.Length, new MerkleHash(level));
    }

    /// <summary>Builds the tree over leaf hashes in the order enumerated.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="leafHashes"/> is null.</exception>
    public static MerkleTree FromLeafHashes(IEnumerable<MerkleHash> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return FromLeafHashes([.. leafHashes]);
    }

    /// <summary>The audit path of one leaf: <c>PATH(m, D[n])</c> of RFC 9162, section 2.1.3.1.</summary>
    /// <remarks>
    /// The path lists, from the leaf upwards, the sibling of each node on the way to the root; a node without
    /// a sibling (the last of an odd level) adds nothing, as the RFC's recursion adds nothing where a subtree
    /// is passed up whole. This is the order <see cref="InclusionProof.Verify"/> consumes.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leafIndex"/> is not less than <see cref="Size"/>.</exception>
    public InclusionProof ProveInclusion(ulong leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, Size);

        Span<MerkleHash> path = stackalloc MerkleHash[_levels.Length];
        var length = 0;
        var index = (int)leafIndex;
        for (var level = 0; level < _levels.Length - 1; level++)
        {
            var nodes = _levels[level];
            var sibling = index ^ 1;
            if (sibling < nodes.Length / HashSize)
            {
                path[length++] = new MerkleHash(nodes.AsSpan(sibling * HashSize, HashSize));
            }

            index >>= 1;
        }

        return InclusionProof.FromOwnedPath(leafIndex, Size, path[..length].ToArray());
    }

    private static byte[] HashLevel(byte[] level)
    {
        var count = level.Length / HashSize;
        var parents = new byte[(count + 1) / 2 * HashSize];
        for (var parent = 0; parent < count / 2; parent++)
        {
            MerkleNode.HashChildren(
                level.AsSpan(2 * parent * HashSize, HashSize),
                level.AsSpan(((2 * parent) + 1) * HashSize, HashSize),
                parents.AsSpan(parent * HashSize, HashSize));
        }

        if (count % 2 == 1)
        {
            level.AsSpan((count - 1) * HashSize, HashSize).CopyTo(parents.AsSpan(parents.Length - HashSize));
        }

        return parents;
    }
}
