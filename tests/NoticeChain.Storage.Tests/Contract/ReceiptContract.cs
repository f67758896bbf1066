using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using static NoticeChain.Storage.Tests.Contract.TestData;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Receipts built from stored data verify with the Core verifier, for every notice of a batch.</summary>
public abstract class ReceiptContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(100)]
    public async Task Every_receipt_of_a_mined_batch_verifies_with_the_document(int size)
    {
        await using var store = await OpenAsync();
        var notices = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, size))).Notices.Select(n => n.Notice).ToArray();
        var (batch, transaction, mined) = await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 77);

        for (var i = 0; i < size; i++)
        {
            var receipt = (await store.Notices.GetReceiptAsync(AuthorityA, notices[i].Id))!;
            Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(Digest(i + 1)));
            Assert.Equal(ReceiptVerificationResult.Verified, Receipt.Parse(receipt.ToJsonUtf8Bytes()).Verify(Digest(i + 1)));
            Assert.Equal(ReceiptVerificationResult.DigestMismatch, receipt.Verify(Digest(i + 2)));
            Assert.Equal((ulong)i, receipt.Proof.LeafIndex);
            Assert.Equal((ulong)size, receipt.Proof.TreeSize);
            Assert.Equal(batch.Root, receipt.Root);
            Assert.Equal(notices[i].Salt, receipt.Salt);
            Assert.Equal(
                (ChainId, Registry, transaction.Hash, mined.BlockNumber, mined.BlockHash, AuthorityA, KeyA, mined.BlockTime),
                (receipt.Anchor.ChainId, receipt.Anchor.Registry, receipt.Anchor.TransactionHash, receipt.Anchor.BlockNumber,
                 receipt.Anchor.BlockHash, receipt.Anchor.Authority, receipt.Anchor.AnchoringKey, receipt.Anchor.AnchoredAt));
        }
    }

    [Fact]
    public async Task Receipts_of_two_batches_read_alternately_both_verify()
    {
        await using var store = await OpenAsync();
        var first = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(1, 5))).Notices.Select(n => n.Notice).ToArray();
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 1);
        var second = (await store.Notices.AcceptManyAsync(AuthorityA, Notices(6, 7))).Notices.Select(n => n.Notice).ToArray();
        await AnchorNextBatchAsync(store, AuthorityA, KeyA, block: 2);

        for (var i = 0; i < 5; i++)
        {
            var a = (await store.Notices.GetReceiptAsync(AuthorityA, first[i].Id))!;
            var b = (await store.Notices.GetReceiptAsync(AuthorityA, second[i].Id))!;
            Assert.Equal(ReceiptVerificationResult.Verified, a.Verify(Digest(i + 1)));
            Assert.Equal(ReceiptVerificationResult.Verified, b.Verify(Digest(i + 6)));
            Assert.NotEqual(a.Root, b.Root);
        }
    }

    [Fact]
    public async Task A_pending_notice_has_no_receipt()
    {
        await using var store = await OpenAsync();
        var notice = (await store.Notices.AcceptAsync(AuthorityA, Notice(1))).Only.Notice;

        Assert.Null(await store.Notices.GetReceiptAsync(AuthorityA, notice.Id));
        Assert.Null(await store.Notices.GetReceiptAsync(AuthorityA, NoticeId.New(Time)));
    }

    private static Core.Hashing.Digest Digest(int n) => Core.Hashing.Digest.Compute(Document(n));
}
