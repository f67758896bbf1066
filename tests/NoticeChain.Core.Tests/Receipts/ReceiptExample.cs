using System.Text;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Tests.Receipts;

/// <summary>The worked example of docs/receipt-format.md: leaf 2 of a tree of 5, for a one-line document.</summary>
/// <remarks>The chain values (transaction, block, authority) are illustrative, not from a real chain.</remarks>
internal static class ReceiptExample
{
    public const string Json =
        """{"version":1,"digest":"adbbfbc49e4920150cffe624cf3bbcf2267f0f8cfd1e3fc0ec651c05fc546e9a","salt":"8bf592d9b59e20fddf232254d1874a19f9dded846fa3c006f82c0ddb1581bb1a","leafIndex":2,"treeSize":5,"auditPath":["2cfe5a91b041c14fac31dd5b468e11a8905ba471ab93c036adbc6ede8ae91dc2","6e8f2e2b7148ad3c0ffcfef938fbab58f8ab0005c94693bd206cd0f65dd6d5f5","b09aee21cf85749f50f4959009bc2941c78af45e23916cebaeaee80da0e8d3cb"],"root":"0b2e5e7b6a68f49b92280e9dad44aa9e2cd84ca1b0e9b97c243983e8f1f0008e","chainId":31337,"registry":"0x5fbdb2315678afecb367f032d93f642f64180aa3","transactionHash":"0x1b5b9ccb3e8d006a5230de9bda23ff91edc794d4f56410560830b418528e446c","blockNumber":42,"blockHash":"0x496aca80e4d8f29fb8e8cd816c3afb48d3f103970b3a2ee1600c08ca67326dee","authorityId":"0x8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e9","anchoringKey":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","anchoredAt":"2026-11-22T09:30:00Z"}""";

    public const string LeafHash = "f14b07447e24075ab7ce5a5cdb3082e57a21ebbc2acb8f03287b8e56a3b4ec1d";

    public static byte[] Document => Encoding.ASCII.GetBytes("Bescheid AZ-2026-000123\n");

    public static Digest DocumentDigest => Digest.Compute(Document);
}
