using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Deterministic stand-ins for what the API, the worker and the follower would pass in.</summary>
/// <remarks>
/// The store never decodes a signed transaction, so a transaction here is any byte string with its SHA-256 as
/// the hash: enough to check that the identical bytes come back, not a stand-in for the Ethereum layer.
/// </remarks>
internal static class TestData
{
    public const ulong ChainId = 31337;

    public static readonly AuthorityId AuthorityA = Authority(1);

    public static readonly AuthorityId AuthorityB = Authority(2);

    public static readonly ChainAddress Registry = Address(0xEE);

    public static readonly ChainAddress KeyA = Address(0xA1);

    public static readonly ChainAddress KeyB = Address(0xB1);

    public static AuthorityId Authority(byte n)
    {
        var id = new byte[AuthorityId.Size];
        id[0] = 0xA0;
        id[^1] = n;
        return new AuthorityId(id);
    }

    public static ChainAddress Address(byte n)
    {
        var address = new byte[ChainAddress.Size];
        address.AsSpan().Fill(n);
        return new ChainAddress(address);
    }

    public static byte[] Document(int n) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Bescheid Nr. {n}"));

    public static Digest DigestOf(int n) => Digest.Compute(Document(n));

    public static NewNotice Notice(int n, NoticeId? supersedes = null) =>
        new(DigestOf(n), NoticeReference.Parse(string.Create(CultureInfo.InvariantCulture, $"AZ-{n:D6}")), supersedes);

    public static NewNotice[] Notices(int from, int count) => [.. Enumerable.Range(from, count).Select(n => Notice(n))];

    public static OutgoingTransaction Transaction(ChainAddress sender, ulong nonce, int version = 0)
    {
        var raw = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"signed tx from {sender} nonce {nonce} version {version}"));
        return new OutgoingTransaction(sender, nonce, new ChainHash(SHA256.HashData(raw)), raw, ChainId, Registry);
    }

    public static ChainHash BlockHash(ulong number, int fork = 0) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"block {number} fork {fork}"))));

    public static MinedTransaction Mined(OutgoingTransaction transaction, ulong block, DateTimeOffset time, int fork = 0) =>
        new(transaction.Hash, block, BlockHash(block, fork), DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds()));

    public static IdempotencyKey Key(string key, string body) =>
        IdempotencyKey.Create(key, Digest.Compute(Encoding.UTF8.GetBytes(body)));
}
