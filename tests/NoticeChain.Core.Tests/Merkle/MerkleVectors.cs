using System.Text.Json;
using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests.Merkle;

/// <summary>
/// The two tree vector sets: <c>merkle_trees.json</c>, generated independently by the recursive Python
/// transcription of RFC 9162, and <c>merkle_ct_vectors.json</c>, the Certificate Transparency test tree
/// from transparency-dev/merkle.
/// </summary>
internal static class MerkleVectors
{
    private static readonly Lazy<JsonElement> Generated = new(() => VectorFile.Load("merkle_trees.json"));

    private static readonly Lazy<JsonElement> CertificateTransparency = new(() => VectorFile.Load("merkle_ct_vectors.json"));

    public static MerkleHash[] LeafHashes => Generated.Value.Array("leaves").Select(l => l.Hash("leaf_hash")).ToArray();

    public static JsonElement[] Leaves => Generated.Value.Array("leaves");

    public static JsonElement Tree(int size) => Generated.Value.Array("trees").Single(t => t.GetProperty("size").GetInt32() == size);

    public static TheoryData<int> TreeSizes()
    {
        var sizes = new TheoryData<int>();
        foreach (var tree in Generated.Value.Array("trees"))
        {
            sizes.Add(tree.GetProperty("size").GetInt32());
        }

        return sizes;
    }

    public static JsonElement Ct => CertificateTransparency.Value;

    public static MerkleHash[] CtLeafHashes => Ct.Hashes("leaf_hashes");

    public static TheoryData<int> CtProofNumbers()
    {
        var numbers = new TheoryData<int>();
        for (var i = 0; i < Ct.Array("inclusion_proofs").Length; i++)
        {
            numbers.Add(i);
        }

        return numbers;
    }

    public static InclusionProof CtProof(int number)
    {
        var proof = Ct.Array("inclusion_proofs")[number];
        return new InclusionProof(
            proof.GetProperty("leaf_index").GetUInt64(),
            proof.GetProperty("tree_size").GetUInt64(),
            proof.Hashes("audit_path"));
    }
}
