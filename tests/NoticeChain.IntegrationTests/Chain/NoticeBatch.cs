using System.Security.Cryptography;
using NoticeChain.Chain;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>A batch of notices as the anchoring worker builds it: salted leaves in an RFC 9162 tree (NoticeChain.Core).</summary>
public sealed class NoticeBatch
{
    public NoticeBatch(IReadOnlyList<MerkleHash> leaves)
    {
        Leaves = leaves;
        Tree = MerkleTree.FromLeafHashes(leaves);
    }

    public IReadOnlyList<MerkleHash> Leaves { get; }

    public MerkleTree Tree { get; }

    public MerkleHash Root => Tree.Root;

    public ulong Size => Tree.Size;

    /// <summary>Random notices: leaf = SHA-256(0x00 || salt || SHA-256(document)) with a random salt and document.</summary>
    public static NoticeBatch Random(int size) =>
        new([.. Enumerable.Range(0, size).Select(_ => MerkleLeaf.Hash(Salt.Generate(), Digest.Compute(RandomNumberGenerator.GetBytes(64))))]);

    /// <summary>The notice at <paramref name="index"/> with its inclusion proof.</summary>
    public NoticeInclusion Notice(int index) => new(Leaves[index], Root, Tree.ProveInclusion((ulong)index));
}
