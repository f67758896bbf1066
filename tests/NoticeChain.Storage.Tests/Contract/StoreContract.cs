using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>The base of every contract suite: a fresh database and a hand-driven clock per test.</summary>
public abstract class StoreContract<TFactory> : IAsyncLifetime
    where TFactory : IStoreFactory, new()
{
    private readonly TFactory _factory = new();

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    protected Task<StoreUnderTest> OpenAsync() => _factory.OpenAsync(Time);

    /// <summary>What the worker does for one batch: close it, record its transaction with the next nonce, see it mined.</summary>
    protected async Task<(AnchorAction Batch, OutgoingTransaction Transaction, MinedTransaction Mined)> AnchorNextBatchAsync(
        StoreUnderTest store,
        AuthorityId authority,
        ChainAddress key,
        ulong block,
        int maxSize = 4096)
    {
        var batch = await store.Anchoring.CreateBatchAsync(authority, maxSize) ?? throw new InvalidOperationException("Nothing pending.");
        var transaction = await RecordNextAsync(store, batch.Id, key);
        var mined = TestData.Mined(transaction, block, Time.GetUtcNow());
        Assert.Equal(ConfirmationOutcome.Marked, await store.Anchoring.MarkMinedAsync(batch.Id, mined));
        return (batch, transaction, mined);
    }

    /// <summary>Signs (in the test's sense) and records a transaction for the action with the sender's next nonce.</summary>
    protected static async Task<OutgoingTransaction> RecordNextAsync(StoreUnderTest store, ChainActionId action, ChainAddress key, int version = 0)
    {
        var transaction = TestData.Transaction(key, await store.Anchoring.GetNextNonceAsync(key), version);
        Assert.Equal(TransactionRecordOutcome.Recorded, (await store.Anchoring.RecordTransactionAsync(action, transaction)).Outcome);
        return transaction;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
}
