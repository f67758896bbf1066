using System.Text.Json.Nodes;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Tests.Receipts;

public sealed class ReceiptTests
{
    [Fact]
    public void The_document_verifies_against_its_receipt()
    {
        var receipt = Receipt.Parse(ReceiptExample.Json);

        Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(ReceiptExample.DocumentDigest));
        Assert.Equal(ReceiptExample.LeafHash, receipt.LeafHash.ToString());
    }

    [Fact]
    public void Another_document_does_not_verify()
    {
        var receipt = Receipt.Parse(ReceiptExample.Json);

        Assert.Equal(ReceiptVerificationResult.DigestMismatch, receipt.Verify(Digest.Compute("Bescheid AZ-2026-000124\n"u8)));
    }

    [Theory]
    [InlineData("auditPath")]
    [InlineData("root")]
    [InlineData("salt")]
    public void A_tampered_hash_no_longer_leads_to_the_root(string field)
    {
        var json = JsonNode.Parse(ReceiptExample.Json)!.AsObject();
        if (field == "auditPath")
        {
            json["auditPath"]![1] = FlipLastDigit(json["auditPath"]![1]!.GetValue<string>());
        }
        else
        {
            json[field] = FlipLastDigit(json[field]!.GetValue<string>());
        }

        var receipt = Receipt.Parse(json.ToJsonString());

        Assert.Equal(ReceiptVerificationResult.RootMismatch, receipt.Verify(ReceiptExample.DocumentDigest));
    }

    [Fact]
    public void A_tampered_leaf_index_with_a_path_of_the_same_length_no_longer_leads_to_the_root()
    {
        var json = JsonNode.Parse(ReceiptExample.Json)!.AsObject();
        json["leafIndex"] = 3;

        Assert.Equal(ReceiptVerificationResult.RootMismatch, Receipt.Parse(json.ToJsonString()).Verify(ReceiptExample.DocumentDigest));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(9)]
    public void A_tampered_tree_size_that_changes_the_path_length_is_rejected(int size)
    {
        var json = JsonNode.Parse(ReceiptExample.Json)!.AsObject();
        json["treeSize"] = size;

        Assert.Equal("auditPath", Assert.Throws<ReceiptFormatException>(() => Receipt.Parse(json.ToJsonString())).Field);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void A_tampered_tree_size_of_the_same_shape_still_verifies_offline_which_is_why_the_chain_size_is_checked(int size)
    {
        // RFC 9162 does not hash the size into the root: leaf 2 has the same path in trees of 5 to 8 leaves.
        // docs/receipt-format.md therefore requires treeSize == the size anchored on chain.
        var json = JsonNode.Parse(ReceiptExample.Json)!.AsObject();
        json["treeSize"] = size;

        Assert.Equal(ReceiptVerificationResult.Verified, Receipt.Parse(json.ToJsonString()).Verify(ReceiptExample.DocumentDigest));
    }

    [Fact]
    public void The_constructor_refuses_a_proof_of_the_wrong_shape()
    {
        var example = Receipt.Parse(ReceiptExample.Json);

        Assert.Throws<ArgumentException>(() => Rebuild(example, new InclusionProof(5, 5, example.Proof.AuditPath), example.Root));
        Assert.Throws<ArgumentException>(() => Rebuild(example, new InclusionProof(2, 5, example.Proof.AuditPath.Take(2)), example.Root));
        Assert.Throws<ArgumentException>(() => Rebuild(example, new InclusionProof(0, 0, []), example.Root));
        Assert.Throws<ArgumentException>(() => Rebuild(example, example.Proof, default));
        Assert.Equal(ReceiptVerificationResult.Verified, Rebuild(example, example.Proof, example.Root).Verify(ReceiptExample.DocumentDigest));
    }

    [Fact]
    public void The_anchor_refuses_values_a_real_anchoring_cannot_have()
    {
        var a = Receipt.Parse(ReceiptExample.Json).Anchor;

        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(0, a.Registry, a.TransactionHash, a.BlockNumber, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, default, a.TransactionHash, a.BlockNumber, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, default, a.BlockNumber, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, a.TransactionHash, 0, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, a.TransactionHash, 1UL << 53, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, a.TransactionHash, a.BlockNumber, default, a.Authority, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, a.TransactionHash, a.BlockNumber, a.BlockHash, default, a.AnchoringKey, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, a.TransactionHash, a.BlockNumber, a.BlockHash, a.Authority, default, a.AnchoredAt));
        Assert.Throws<ArgumentException>(() => new ReceiptAnchor(a.ChainId, a.Registry, a.TransactionHash, a.BlockNumber, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt.AddMilliseconds(1)));
    }

    [Fact]
    public void A_receipt_built_from_a_tree_verifies_for_every_leaf()
    {
        var documents = Enumerable.Range(0, 13).Select(i => Digest.Compute(BitConverter.GetBytes(i))).ToArray();
        var salts = documents.Select(_ => Salt.Generate()).ToArray();
        var tree = MerkleTree.FromLeafHashes(documents.Select((d, i) => MerkleLeaf.Hash(salts[i], d)));
        var anchor = Receipt.Parse(ReceiptExample.Json).Anchor;

        for (var i = 0; i < documents.Length; i++)
        {
            var receipt = new Receipt(documents[i], salts[i], tree.ProveInclusion((ulong)i), tree.Root, anchor);
            Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(documents[i]));
            Assert.Equal(ReceiptVerificationResult.DigestMismatch, receipt.Verify(documents[(i + 1) % documents.Length]));
        }
    }

    private static Receipt Rebuild(Receipt example, InclusionProof proof, MerkleHash root) =>
        new(example.Digest, example.Salt, proof, root, example.Anchor);

    private static string FlipLastDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
