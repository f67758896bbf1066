using NoticeChain.Core.Receipts;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.EndToEnd;

[Collection(EndToEndCollectionDefinition.Name)]
public sealed class BulkAnchoringTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private const int NoticeCount = 10_000;
    private const int SampleSize = 300;

    [Fact]
    public async Task Ten_thousand_notices_from_three_authorities_are_all_anchored_and_every_receipt_verifies()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        var authorities = new[] { await bed.AddAuthorityAsync(), await bed.AddAuthorityAsync(), await bed.AddAuthorityAsync() };
        await bed.StartApiAsync();

        var notices = new List<ApiNotice>();
        for (var i = 0; i < authorities.Length; i++)
        {
            var count = (NoticeCount / authorities.Length) + (i < NoticeCount % authorities.Length ? 1 : 0);
            notices.AddRange(await bed.SubmitAsync(authorities[i], count));
        }

        Assert.Equal(NoticeCount, notices.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count());

        var receipts = await bed.WaitForReceiptsAsync(notices, TimeSpan.FromSeconds(120));

        bed.AssertReceiptsVerify(notices, receipts);
        var roots = notices.GroupBy(n => receipts[n.Id].Root).ToList();
        foreach (var batch in roots)
        {
            var authority = batch.First().Authority;
            Assert.All(batch, n => Assert.Equal(authority, n.Authority));
            var anchor = await bed.Chain.Governance.GetAnchorAsync(batch.Key);
            Assert.NotNull(anchor);
            Assert.Equal(authority.IssuerId, anchor.IssuerId);
            Assert.Equal(authority.Chain.Address, anchor.Key);
            Assert.Equal((ulong)batch.Count(), anchor.Size);
            Assert.All(batch, n => Assert.Equal(anchor.Size, receipts[n.Id].Proof.TreeSize));
            Assert.Equal(
                Enumerable.Range(0, batch.Count()).Select(i => (ulong)i),
                batch.Select(n => receipts[n.Id].Proof.LeafIndex).Order());
        }

        var anchored = await bed.AnchoredEventsAsync();
        Assert.Equal(roots.Select(r => r.Key).Order(MerkleHashComparer.Instance), anchored.Select(e => e.Root).Order(MerkleHashComparer.Instance));

        var sample = notices.Where((_, i) => i % (NoticeCount / SampleSize) == 0).Select(n => receipts[n.Id]);
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (receipt, cancellation) =>
            Assert.True(await bed.Chain.Governance.VerifyInclusionAsync(receipt.LeafHash, receipt.Proof, receipt.Root, cancellationToken: cancellation)));

        // The checks can fail: another notice's leaf under the first notice's proof is refused on chain and by Core.
        var first = receipts[notices[0].Id];
        Assert.False(await bed.Chain.Governance.VerifyInclusionAsync(receipts[notices[^1].Id].LeafHash, first.Proof, first.Root));
        Assert.Equal(ReceiptVerificationResult.DigestMismatch, first.Verify(notices[^1].Digest));
    }
}
