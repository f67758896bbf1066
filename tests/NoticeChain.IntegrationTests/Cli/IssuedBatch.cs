using System.Security.Cryptography;
using System.Text;
using NoticeChain.Chain;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.IntegrationTests.Chain;

namespace NoticeChain.IntegrationTests.Cli;

/// <summary>A batch of notices with their documents, salts and receipts, built with NoticeChain.Core as the service
/// builds it and anchored straight through the registry, without the API or a store.</summary>
internal sealed class IssuedBatch
{
    private IssuedBatch(IReadOnlyList<byte[]> documents, IReadOnlyList<Salt> salts)
    {
        Documents = documents;
        Salts = salts;
        Digests = [.. documents.Select(d => Digest.Compute(d))];
        Leaves = [.. Digests.Select((digest, i) => MerkleLeaf.Hash(salts[i], digest))];
        Tree = MerkleTree.FromLeafHashes(Leaves);
    }

    public IReadOnlyList<byte[]> Documents { get; }

    public IReadOnlyList<Salt> Salts { get; }

    public IReadOnlyList<Digest> Digests { get; }

    public IReadOnlyList<MerkleHash> Leaves { get; }

    public MerkleTree Tree { get; }

    /// <summary>The chain half of every receipt of the batch, once <see cref="AnchorAsync"/> has run.</summary>
    public ReceiptAnchor? Anchor { get; private set; }

    /// <summary>Documents that look like notices (a PDF header and random content), each with a fresh salt.</summary>
    public static IssuedBatch Create(int size) =>
        new(
            [.. Enumerable.Range(0, size).Select(i => Encoding.ASCII.GetBytes($"%PDF-1.7\nBescheid AZ-2026-{i:D6}\n").Concat(RandomNumberGenerator.GetBytes(256)).ToArray())],
            [.. Enumerable.Range(0, size).Select(_ => Salt.Generate())]);

    /// <summary>Anchors the root from <paramref name="authority"/>'s key and records the receipts' chain half from the mined transaction.</summary>
    public async Task<ReceiptAnchor> AnchorAsync(RegistryTestBed bed, Authority authority)
    {
        var mined = await authority.Client.AnchorAsync(Tree.Root, Tree.Size);
        Anchor = new ReceiptAnchor(
            bed.Node.ChainId,
            new ChainAddress(bed.Registry.ToArray()),
            new ChainHash(mined.TransactionHash.ToArray()),
            mined.BlockNumber,
            new ChainHash(mined.BlockHash.ToArray()),
            new AuthorityId(authority.IssuerId.ToArray()),
            new ChainAddress(authority.Address.ToArray()),
            await bed.BlockTimeAsync(mined.BlockNumber));
        return Anchor;
    }

    /// <summary>The receipt of notice <paramref name="index"/>, with the batch's anchor or <paramref name="anchor"/>.</summary>
    public Receipt Receipt(int index, ReceiptAnchor? anchor = null) =>
        new(Digests[index], Salts[index], Tree.ProveInclusion((ulong)index), Tree.Root, anchor ?? Anchor ?? throw new InvalidOperationException("Not anchored."));

    /// <summary>What the registry needs to revoke or supersede notice <paramref name="index"/>.</summary>
    public NoticeInclusion Inclusion(int index) => new(Leaves[index], Tree.Root, Tree.ProveInclusion((ulong)index));
}
