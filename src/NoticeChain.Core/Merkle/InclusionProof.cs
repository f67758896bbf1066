using System.Collections.ObjectModel;

namespace NoticeChain.Core.Merkle;

/// <summary>An RFC 9162 inclusion proof: a leaf index, a tree size and the audit path between them.</summary>
/// <remarks>
/// <para>
/// The three fields of RFC 9162's <c>inclusion_proof_v2</c> (section 4.12) and nothing else, so a proof can
/// be checked by hand, by <see cref="Verify"/>, or on chain by the registry's <c>verifyInclusion</c>, and all
/// three agree. A proof is data read from a receipt: constructing one accepts any values, and a malformed
/// proof simply fails verification.
/// </para>
/// <para>
/// The tree size is not hashed into the root. Along the path of one leaf, a tree of a neighbouring size can
/// have the same shape (leaf 0 of 6 and of 7 leaves both have three siblings on the right), so a path may
/// also "verify" with such a size. A verifier must therefore take the size that was anchored with the root
/// from the chain, never from the receipt alone.
/// </para>
/// </remarks>
public sealed class InclusionProof
{
    private readonly MerkleHash[] _auditPath;

    /// <summary>Creates a proof from its three parts, e.g. read back from a receipt.</summary>
    /// <param name="leafIndex">The 0-based position of the leaf in the tree.</param>
    /// <param name="treeSize">The number of leaves in the tree.</param>
    /// <param name="auditPath">The sibling hashes from the leaf upwards (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="auditPath"/> is null.</exception>
    public InclusionProof(ulong leafIndex, ulong treeSize, IEnumerable<MerkleHash> auditPath)
        : this(leafIndex, treeSize, auditPath?.ToArray() ?? throw new ArgumentNullException(nameof(auditPath)))
    {
    }

    /// <summary>Takes ownership of <paramref name="auditPath"/>: callers pass a fresh array nobody else holds.</summary>
    private InclusionProof(ulong leafIndex, ulong treeSize, MerkleHash[] auditPath)
    {
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        _auditPath = auditPath;
        AuditPath = new ReadOnlyCollection<MerkleHash>(auditPath);
    }

    /// <summary>The 0-based position of the leaf in the tree.</summary>
    public ulong LeafIndex { get; }

    /// <summary>The number of leaves in the tree the proof is for.</summary>
    public ulong TreeSize { get; }

    /// <summary>The sibling hashes from the leaf upwards, <c>PATH(m, D[n])</c> of RFC 9162, section 2.1.3.1.</summary>
    public IReadOnlyList<MerkleHash> AuditPath { get; }

    /// <summary>Checks that the path leads from <paramref name="leafHash"/> to <paramref name="root"/>.</summary>
    /// <param name="leafHash">The leaf hash, e.g. from <see cref="MerkleLeaf.Hash(Hashing.Salt, Hashing.Digest)"/>.</param>
    /// <param name="root">The root the leaf is claimed to be in, as anchored on chain.</param>
    public InclusionProofResult Verify(MerkleHash leafHash, MerkleHash root)
    {
        var result = ComputeRoot(leafHash, out var computed);
        if (result != InclusionProofResult.Verified)
        {
            return result;
        }

        return computed == root ? InclusionProofResult.Verified : InclusionProofResult.RootMismatch;
    }

    /// <summary>The root this proof leads to from <paramref name="leafHash"/>; false if the proof is malformed.</summary>
    /// <remarks>
    /// Useful when the root is not known in advance: compute it, then ask the chain whether it was anchored
    /// and with which size.
    /// </remarks>
    public bool TryComputeRoot(MerkleHash leafHash, out MerkleHash root) =>
        ComputeRoot(leafHash, out root) == InclusionProofResult.Verified;

    /// <summary>Creates a proof that takes ownership of a freshly built path array.</summary>
    internal static InclusionProof FromOwnedPath(ulong leafIndex, ulong treeSize, MerkleHash[] auditPath) =>
        new(leafIndex, treeSize, auditPath);

    /// <summary>
    /// RFC 9162, section 2.1.3.2, "Verifying an Inclusion Proof", step by step, without the final comparison
    /// with the root; step numbers refer to the RFC. <c>fn</c> tracks the node's index on its level and
    /// <c>sn</c> the index of the last node of that level.
    /// </summary>
    private InclusionProofResult ComputeRoot(MerkleHash leafHash, out MerkleHash root)
    {
        root = default;

        // Step 1: a leaf index at or beyond the tree size fails.
        if (LeafIndex >= TreeSize)
        {
            return InclusionProofResult.LeafIndexOutOfRange;
        }

        // Step 2: fn = leaf_index, sn = tree_size - 1.
        var fn = LeafIndex;
        var sn = TreeSize - 1;

        // Step 3: r = hash.
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        Span<byte> p = stackalloc byte[MerkleHash.Size];

        // Step 4: for each p in inclusion_path.
        foreach (var element in _auditPath)
        {
            // Step 4a: reached the root with elements left over.
            if (sn == 0)
            {
                return InclusionProofResult.PathTooLong;
            }

            element.CopyTo(p);

            // Step 4b: p is the left sibling if fn is a right child or the last node of its level.
            if ((fn & 1) == 1 || fn == sn)
            {
                // Step 4b.i: r = HASH(0x01 || p || r).
                MerkleNode.HashChildren(p, r, r);

                // Step 4b.ii: skip the levels where this node has no sibling and is passed up unchanged.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                // Step 4b, otherwise: r = HASH(0x01 || r || p).
                MerkleNode.HashChildren(r, p, r);
            }

            // Step 4c: up one level.
            fn >>= 1;
            sn >>= 1;
        }

        // Step 5: the path must end at the root (sn = 0); the caller compares r with the root.
        if (sn != 0)
        {
            return InclusionProofResult.PathTooShort;
        }

        root = new MerkleHash(r);
        return InclusionProofResult.Verified;
    }
}
