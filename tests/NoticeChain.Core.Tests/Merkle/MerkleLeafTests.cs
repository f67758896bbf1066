using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests.Merkle;

public sealed class MerkleLeafTests
{
    private const string VectorFileName = "merkle_salted_leaves.json";

    public static TheoryData<string> SaltedLeafNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in VectorFile.Load(VectorFileName).Array("vectors"))
        {
            names.Add(vector.Text("name"));
        }

        return names;
    }

    public static TheoryData<int> CtLeafNumbers() => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(SaltedLeafNames))]
    public void Hash_of_salt_and_digest_matches_the_python_vector(string name)
    {
        var vector = VectorFile.Load(VectorFileName).Array("vectors").Single(v => v.Text("name") == name);
        var digest = Digest.Compute(vector.Bytes("document_hex"));
        var salt = Salt.Parse(vector.Text("salt"));

        var leaf = MerkleLeaf.Hash(salt, digest);

        Assert.Equal(vector.Text("digest"), digest.ToString());
        Assert.Equal(vector.Text("leaf_hash"), leaf.ToString());
    }

    [Fact]
    public void Hash_matches_every_leaf_of_the_tree_vectors()
    {
        foreach (var vector in MerkleVectors.Leaves)
        {
            var digest = Digest.Compute(System.Text.Encoding.UTF8.GetBytes(vector.Text("document_utf8")));
            Assert.Equal(vector.Text("digest"), digest.ToString());
            Assert.Equal(vector.Hash("leaf_hash"), MerkleLeaf.Hash(Salt.Parse(vector.Text("salt")), digest));
        }
    }

    [Fact]
    public void Hash_of_salt_and_digest_is_the_RFC_9162_leaf_hash_of_their_concatenation()
    {
        var salt = Salt.Generate();
        var digest = Digest.Compute([1, 2, 3]);

        Assert.Equal(MerkleLeaf.HashEntry([.. salt.ToArray(), .. digest.ToArray()]), MerkleLeaf.Hash(salt, digest));
    }

    [Fact]
    public void A_different_salt_gives_a_different_leaf_for_the_same_document()
    {
        var vectors = VectorFile.Load(VectorFileName).Array("vectors").Where(v => v.Text("document_hex") == "616263").ToArray();
        var digest = Digest.Parse(vectors[0].Text("digest"));

        var first = MerkleLeaf.Hash(Salt.Parse(vectors[0].Text("salt")), digest);
        var second = MerkleLeaf.Hash(Salt.Parse(vectors[1].Text("salt")), digest);
        var fresh = MerkleLeaf.Hash(Salt.Generate(), digest);

        Assert.Equal(2, vectors.Length);
        Assert.NotEqual(first, second);
        Assert.NotEqual(first, fresh);
        Assert.NotEqual(second, fresh);
    }

    [Fact]
    public void A_leaf_never_equals_the_bare_digest_or_the_unprefixed_hash()
    {
        var salt = Salt.Parse(new string('0', 64));
        var digest = Digest.Compute([]);
        var leaf = MerkleLeaf.Hash(salt, digest);
        var unprefixed = Digest.Compute([.. salt.ToArray(), .. digest.ToArray()]);

        Assert.NotEqual(digest.ToString(), leaf.ToString());
        Assert.NotEqual(unprefixed.ToString(), leaf.ToString());
    }

    [Theory]
    [MemberData(nameof(CtLeafNumbers))]
    public void HashEntry_matches_the_Certificate_Transparency_leaf_hashes(int number)
    {
        var entry = Convert.FromHexString(MerkleVectors.Ct.Array("leaf_inputs")[number].GetString()!);

        Assert.Equal(MerkleVectors.CtLeafHashes[number], MerkleLeaf.HashEntry(entry));
    }

    [Fact]
    public void A_leaf_over_two_child_hashes_differs_from_their_inner_node()
    {
        var left = MerkleLeaf.HashEntry([1]);
        var right = MerkleLeaf.HashEntry([2]);
        var root = MerkleTree.FromLeafHashes([left, right]).Root;

        var forgedLeaf = MerkleLeaf.HashEntry([.. left.ToArray(), .. right.ToArray()]);

        Assert.NotEqual(root, forgedLeaf);
    }
}
