using System.Diagnostics;
using System.Globalization;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.EndToEnd;

[Collection(EndToEndCollectionDefinition.Name)]
public sealed class NodeOutageTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Submissions_during_a_30_second_node_outage_are_accepted_and_anchored_afterwards()
    {
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        var authority = await bed.AddAuthorityAsync();
        await bed.StartApiAsync();
        var before = await bed.SubmitAsync(authority, 100);
        await bed.WaitForReceiptsAsync(before, TimeSpan.FromSeconds(60));

        // SIGSTOP: the node neither answers nor refuses; connections are accepted by the kernel and then hang.
        var during = new List<ApiNotice>();
        await SignalAsync(bed.Chain.Node.ProcessId, "STOP");
        try
        {
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < 3; round++)
            {
                await WaitUntilAsync(clock, Outage * round / 3);
                var accepted = await bed.SubmitAsync(authority, 200, chunk: 100);
                Assert.All(accepted, n => Assert.DoesNotContain(before, b => b.Id == n.Id));
                Assert.Equal("pending", await bed.StatusAsync(accepted[^1]));
                during.AddRange(accepted);
            }

            await WaitUntilAsync(clock, Outage);
            Assert.Equal("pending", await bed.StatusAsync(during[0]));
        }
        finally
        {
            await SignalAsync(bed.Chain.Node.ProcessId, "CONT");
        }

        var receipts = await bed.WaitForReceiptsAsync(during, TimeSpan.FromSeconds(120));
        bed.AssertReceiptsVerify(during, receipts);
        var anchored = await bed.AnchoredEventsAsync();
        Assert.Equal(anchored.Count, anchored.Select(e => e.Root).Distinct().Count());
        Assert.All(receipts.Values.Select(r => r.Root).Distinct(), root => Assert.Contains(anchored, e => e.Root == root));
        Assert.Equal((ulong)(before.Count + during.Count), anchored.Aggregate(0UL, (sum, e) => sum + e.Size));
    }

    private static async Task WaitUntilAsync(Stopwatch clock, TimeSpan elapsed)
    {
        var rest = elapsed - clock.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }
    }

    private static async Task SignalAsync(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, processId.ToString(CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("Could not start kill.");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
