using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>The receipt of an anchored notice, inline and as a file.</summary>
/// <remarks>
/// The anchoring is done the way the worker records it, through the API's own <see cref="IAnchoringStore"/>:
/// a batch closed, a transaction recorded and seen mined. The transaction bytes are a stand-in (the store never
/// decodes them); the chain itself is the anchoring worker's tests' subject.
/// </remarks>
public sealed class NoticeReceiptTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task An_anchored_notice_shows_its_receipt_and_serves_it_as_a_file()
    {
        var caller = NoticeCaller.Create(Api);
        var document = RandomNumberGenerator.GetBytes(500);
        var digest = Digest.Compute(document);
        var id = (await caller.RegisterAsync(digest.ToString())).GetProperty("id").GetString();
        await AnchorPendingAsync(caller);

        var notice = await NoticeCaller.BodyAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}"), HttpStatusCode.OK);
        var file = await caller.GetAsync($"{NoticesApi.Prefix}/{id}/receipt");

        Assert.Equal("anchored", notice.GetProperty("status").GetString());
        Assert.Equal("2026-11-22T09:30:00Z", notice.GetProperty("anchoredAt").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"receipt-{id}.json", file.Content.Headers.ContentDisposition?.FileName);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var receipt = Receipt.Parse(bytes);
        Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(digest));
        Assert.Equal(caller.Authority, receipt.Anchor.Authority);
        Assert.Equal(42UL, receipt.Anchor.BlockNumber);
        Assert.Equal(receipt.ToJson(), notice.GetProperty("receipt").GetRawText());
    }

    private async Task AnchorPendingAsync(NoticeCaller caller)
    {
        var anchoring = Api.Services.GetRequiredService<IAnchoringStore>();
        var batch = await anchoring.CreateBatchAsync(caller.Authority, 4096) ?? throw new InvalidOperationException("Nothing pending.");
        var key = new ChainAddress(Enumerable.Repeat((byte)0xA1, ChainAddress.Size).ToArray());
        var registry = new ChainAddress(Enumerable.Repeat((byte)0xEE, ChainAddress.Size).ToArray());
        var raw = RandomNumberGenerator.GetBytes(120);
        var transaction = new OutgoingTransaction(key, await anchoring.GetNextNonceAsync(key), new ChainHash(SHA256.HashData(raw)), raw, 31337, registry);
        Assert.Equal(TransactionRecordOutcome.Recorded, (await anchoring.RecordTransactionAsync(batch.Id, transaction)).Outcome);
        var blockHash = new ChainHash(SHA256.HashData(raw.Reverse().ToArray()));
        var mined = new MinedTransaction(transaction.Hash, 42, blockHash, DateTimeOffset.Parse("2026-11-22T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ConfirmationOutcome.Marked, await anchoring.MarkMinedAsync(batch.Id, mined));
    }
}
