using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Merkle;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>The anchoring worker when things go wrong: a crash between recording and broadcasting, an unreachable
/// node, a reorg, a stuck transaction, a nonce used behind its back.</summary>
[Collection(AnvilCollectionDefinition.Name)]
public sealed class AnchorBatchProcessorRecoveryTests
{
    [Fact]
    public async Task A_transaction_recorded_before_a_crash_is_broadcast_again_byte_for_byte_after_the_restart()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var before = await bed.SubmitAsync(authority, 5);
        using var dropping = new DroppedBroadcastHandler();
        using var crashingHttp = new HttpClient(dropping);
        var crashing = bed.NewProcessor(new EthRpcClient(crashingHttp, bed.Node.RpcUri));
        bed.Time.Advance(AnchoringTestBed.Window);

        var lastPass = await crashing.RunOnceAsync();

        Assert.Equal((1, 1, 1), (lastPass.BatchesClosed, lastPass.TransactionsSent, dropping.Dropped));
        Assert.IsType<EthRpcTransportException>(lastPass.Interruption);
        var recorded = Assert.Single(await bed.Store.ListInFlightAsync());
        Assert.Equal(0UL, await bed.Rpc.GetTransactionCountAsync(bed.ChainAuthority(authority).Address, BlockParameter.Pending));

        await bed.ReopenStoreAsync();
        var after = await bed.SubmitAsync(authority, 3);
        var restarted = bed.NewProcessor();
        await bed.RunUntilAsync(restarted, () => bed.AllAnchoredAsync([.. before, .. after]));

        var first = await bed.AssertAnchoredAsync(before[0]);
        Assert.Equal(recorded.Transaction.Hash, first.Anchor.TransactionHash);
        var mined = await bed.Rpc.GetTransactionByHashAsync(Hash32.Parse(recorded.Transaction.Hash.ToString()));
        Assert.Equal(0UL, mined!.Nonce);
        var second = await bed.AssertAnchoredAsync(after[0]);
        Assert.NotEqual(first.Root, second.Root);
        Assert.Equal(2UL, await bed.MinedNonceAsync(authority));
        Assert.True(restarted.IsReconciled);
        Assert.Contains(bed.Events, e => e.Kind == AnchoringEventKind.TransactionRebroadcast && e.Transaction == recorded.Transaction.Hash);
    }

    [Fact]
    public async Task While_the_node_is_unreachable_passes_end_early_and_the_backlog_is_anchored_when_it_returns()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var building = await bed.AddAuthorityAsync();
        var youth = await bed.AddAuthorityAsync();
        using var deadHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var offline = bed.NewProcessor(new EthRpcClient(deadHttp, new Uri($"http://127.0.0.1:{ClosedPort()}/")));
        var notices = new List<SubmittedNotice>();

        var passes = new List<AnchoringPassResult>();
        for (var i = 0; i < 3; i++)
        {
            notices.AddRange(await bed.SubmitAsync(building, 6));
            notices.AddRange(await bed.SubmitAsync(youth, 2));
            bed.Time.Advance(AnchoringTestBed.Window);
            passes.Add(await offline.RunOnceAsync());
        }

        Assert.All(passes, pass => Assert.IsType<EthRpcTransportException>(pass.Interruption));
        Assert.All(passes, pass => Assert.Equal((2, 0), (pass.BatchesClosed, pass.TransactionsSent)));
        Assert.False(offline.IsReconciled);
        Assert.Empty(await bed.Store.ListInFlightAsync());

        var online = bed.NewProcessor();
        await bed.RunUntilAsync(online, () => bed.AllAnchoredAsync(notices));

        foreach (var notice in notices)
        {
            await bed.AssertAnchoredAsync(notice);
        }

        Assert.Equal(3UL, await bed.MinedNonceAsync(building));
        Assert.Equal(3UL, await bed.MinedNonceAsync(youth));
        Assert.Equal(3, bed.Events.Count(e => e.Kind == AnchoringEventKind.NodeUnavailable));
    }

    [Fact]
    public async Task A_reorg_that_drops_the_anchoring_block_is_detected_and_the_same_batch_is_anchored_again()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var snapshot = (await bed.Node.SendAsync("evm_snapshot")).GetString()!;
        var notices = await bed.SubmitAsync(authority, 4);
        var processor = bed.NewProcessor();
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(notices));
        var before = await bed.AssertAnchoredAsync(notices[1]);

        Assert.True((await bed.Node.SendAsync("evm_revert", JsonSerializer.Serialize(new[] { snapshot }))).GetBoolean());
        await bed.Node.SendAsync("evm_mine");
        await bed.Node.SendAsync("evm_mine");
        Assert.Null(await bed.Chain.Governance.GetAnchorAsync(before.Root));

        var results = await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(notices));

        Assert.Equal(1, results[0].Unmined);
        var after = await bed.AssertAnchoredAsync(notices[1]);
        Assert.Equal(before.Root, after.Root);
        Assert.Equal(before.Anchor.TransactionHash, after.Anchor.TransactionHash);
        Assert.NotEqual(before.Anchor.BlockHash, after.Anchor.BlockHash);
        Assert.Equal(1UL, await bed.MinedNonceAsync(authority));
        Assert.Contains(bed.Events, e => e.Kind == AnchoringEventKind.ActionUnmined && e.Transaction == before.Anchor.TransactionHash);
    }

    [Fact]
    public async Task A_stuck_transaction_is_replaced_with_the_same_nonce_and_fees_at_least_one_eighth_higher()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var notices = await bed.SubmitAsync(authority, 3);
        var processor = bed.NewProcessor();
        await bed.Node.SendAsync("evm_setAutomine", "[false]");
        bed.Time.Advance(AnchoringTestBed.Window);
        var sent = await processor.RunOnceAsync();
        Assert.Equal(1, sent.TransactionsSent);
        var stuck = Assert.Single(await bed.Store.ListInFlightAsync());

        bed.Time.Advance(bed.Options.ReplaceAfter - TimeSpan.FromSeconds(1));
        var waiting = await processor.RunOnceAsync();
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var replacing = await processor.RunOnceAsync();

        Assert.Equal((0, 1), (waiting.Replacements, waiting.Rebroadcasts));
        Assert.Equal(1, replacing.Replacements);
        Assert.DoesNotContain(bed.Events, e => e.Kind == AnchoringEventKind.BroadcastRefused);
        var live = Assert.Single(await bed.Store.ListInFlightAsync());
        Assert.Equal([stuck.Transaction.Hash], live.ReplacedHashes);
        var original = (Eip1559Transaction)SignedTransaction.Decode(stuck.Transaction.RawTransaction.Span).Transaction;
        var replacement = (Eip1559Transaction)SignedTransaction.Decode(live.Transaction.RawTransaction.Span).Transaction;
        Assert.Equal(original.Nonce, replacement.Nonce);
        Assert.Equal(original.Data.ToArray(), replacement.Data.ToArray());
        Assert.True(replacement.MaxFeePerGas * 8 >= original.MaxFeePerGas * 9);
        Assert.True(replacement.MaxPriorityFeePerGas * 8 >= original.MaxPriorityFeePerGas * 9);

        await bed.Node.SendAsync("evm_mine");
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(notices));

        var receipt = await bed.AssertAnchoredAsync(notices[0]);
        Assert.Equal(live.Transaction.Hash, receipt.Anchor.TransactionHash);
        Assert.Null(await bed.Rpc.GetTransactionReceiptAsync(Hash32.Parse(stuck.Transaction.Hash.ToString())));
        Assert.Equal(1UL, await bed.MinedNonceAsync(authority));
    }

    [Fact]
    public async Task A_nonce_used_outside_NoticeChain_is_skipped_at_start_and_abandoned_when_met_later()
    {
        await using var bed = await AnchoringTestBed.StartAsync();
        var authority = await bed.AddAuthorityAsync();
        var chainAuthority = bed.ChainAuthority(authority);

        // Before the worker starts, someone anchors with the authority's key by hand: reconciliation skips nonce 0.
        await chainAuthority.Client.AnchorAsync(RandomRoot(), 1);
        var first = await bed.SubmitAsync(authority, 2);
        var processor = bed.NewProcessor();
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(first));
        Assert.DoesNotContain(bed.Events, e => e.Kind == AnchoringEventKind.TransactionAbandoned);

        // While it runs, nonce 2 is taken behind its back: the signed transaction is refused, given up and signed anew.
        await chainAuthority.Client.AnchorAsync(RandomRoot(), 1);
        var second = await bed.SubmitAsync(authority, 2);
        await bed.RunUntilAsync(processor, () => bed.AllAnchoredAsync(second));

        await bed.AssertAnchoredAsync(first[0]);
        var receipt = await bed.AssertAnchoredAsync(second[0]);
        var mined = await bed.Rpc.GetTransactionByHashAsync(Hash32.Parse(receipt.Anchor.TransactionHash.ToString()));
        Assert.Equal(3UL, mined!.Nonce);
        Assert.Single(bed.Events, e => e.Kind == AnchoringEventKind.TransactionAbandoned);
        Assert.Equal(4UL, await bed.MinedNonceAsync(authority));
    }

    private static MerkleHash RandomRoot() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A loopback port nothing listens on: connections to it are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
