using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>Plays the anchoring worker and the registry follower against one API's store, through their own ports.</summary>
/// <remarks>
/// The worker's part is what <see cref="Notices.NoticeReceiptTests"/> does: close a batch, record a transaction (stand-in
/// bytes; the store never decodes them), see it mined. The follower's part is <see cref="IChainIndexStore.ApplyAsync"/>
/// with the registry's facts and a new cursor, exactly as <c>RegistryFollower</c> applies what it read. Block numbers
/// only grow, so the cursor never moves backwards across the tests that share an API.
/// </remarks>
internal sealed class ChainSimulator(ApiServer api)
{
    /// <summary>The chain id and registry of the stand-in transactions (the API's defaults: 31337, no registry configured).</summary>
    public const ulong ChainId = 31337;

    private static readonly ChainAddress Registry = new(Enumerable.Repeat((byte)0xEE, ChainAddress.Size).ToArray());

    private readonly Lock _lock = new();
    private ulong _block = 100;

    /// <summary>The time of block <paramref name="number"/>: one second per block from a fixed start.</summary>
    public static DateTimeOffset BlockTime(ulong number) =>
        new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero).AddSeconds(checked((double)number));

    /// <summary>The hash of block <paramref name="number"/> on the one chain these tests know.</summary>
    public static ChainHash BlockHash(ulong number) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"block {number}"))));

    /// <summary>A fresh random signing key.</summary>
    public static ChainAddress NewKey() => new(RandomNumberGenerator.GetBytes(ChainAddress.Size));

    /// <summary>Batches the authority's pending notices and records the batch's transaction as mined in a new block.</summary>
    public async Task<AnchoredBatch> AnchorPendingAsync(AuthorityId authority, ChainAddress key)
    {
        var anchoring = api.Services.GetRequiredService<IAnchoringStore>();
        var batch = await anchoring.CreateBatchAsync(authority, 4096) ?? throw new InvalidOperationException("Nothing pending.");
        var raw = RandomNumberGenerator.GetBytes(120);
        var transaction = new OutgoingTransaction(key, await anchoring.GetNextNonceAsync(key), new ChainHash(SHA256.HashData(raw)), raw, ChainId, Registry);
        Assert.Equal(TransactionRecordOutcome.Recorded, (await anchoring.RecordTransactionAsync(batch.Id, transaction)).Outcome);
        var block = NextBlock();
        var mined = new MinedTransaction(transaction.Hash, block, BlockHash(block), BlockTime(block));
        Assert.Equal(ConfirmationOutcome.Marked, await anchoring.MarkMinedAsync(batch.Id, mined));
        return new AnchoredBatch(authority, key, batch.Root, batch.TreeSize, new ChainEventPosition(block, BlockHash(block), transaction.Hash, 0));
    }

    /// <summary>Applies <paramref name="facts"/> with the cursor at a new block above every block so far; returns it.</summary>
    public async Task<ChainCursor> ApplyAsync(ChainFacts facts)
    {
        var block = NextBlock();
        var cursor = new ChainCursor(block, BlockHash(block));
        await api.Services.GetRequiredService<IChainIndexStore>().ApplyAsync(facts, cursor);
        return cursor;
    }

    /// <summary>The registry's <c>Anchored</c> event of <paramref name="batch"/>, by default as it happened.</summary>
    public static AnchorFact Anchored(AnchoredBatch batch, AuthorityId? authority = null, ulong? treeSize = null) =>
        new(batch.Root, authority ?? batch.Authority, batch.Key, treeSize ?? batch.TreeSize, BlockTime(batch.Position.BlockNumber), batch.Position);

    /// <summary>An authority event in a new block.</summary>
    public AuthorityEvent AuthorityEvent(AuthorityEventKind kind, AuthorityId authority, ChainAddress key, string? name = null)
    {
        var position = NewPosition();
        return new AuthorityEvent(kind, authority, key, name, BlockTime(position.BlockNumber), position);
    }

    /// <summary>The registration of the batch's authority and the batch's anchor, applied together.</summary>
    public Task<ChainCursor> ConfirmAsync(AnchoredBatch batch, string name = "Untere Bauaufsicht Herten") =>
        ApplyAsync(new ChainFacts
        {
            AuthorityEvents = [AuthorityEvent(AuthorityEventKind.Registered, batch.Authority, batch.Key, name)],
            Anchors = [Anchored(batch)],
        });

    /// <summary>A position of an event in a new block.</summary>
    public ChainEventPosition NewPosition()
    {
        var block = NextBlock();
        return new ChainEventPosition(block, BlockHash(block), new ChainHash(RandomNumberGenerator.GetBytes(ChainHash.Size)), 0);
    }

    private ulong NextBlock()
    {
        lock (_lock)
        {
            return ++_block;
        }
    }
}

/// <summary>A batch as the worker anchored it: what the registry's <c>Anchored</c> event will say.</summary>
/// <param name="Authority">The authority.</param>
/// <param name="Key">Its key that sent the transaction.</param>
/// <param name="Root">The batch's root.</param>
/// <param name="TreeSize">The batch's size.</param>
/// <param name="Position">Block and transaction of the anchor.</param>
internal sealed record AnchoredBatch(AuthorityId Authority, ChainAddress Key, MerkleHash Root, ulong TreeSize, ChainEventPosition Position);
