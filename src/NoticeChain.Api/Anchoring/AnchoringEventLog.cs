using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;

namespace NoticeChain.Api.Anchoring;

/// <summary>Writes the anchoring processor's events an operator must see: leases taken and lost, and every refusal
/// or give-up that leaves notices waiting (an account missing from the Besu allowlist, a missing key, a fee cap).</summary>
/// <remarks>Routine events (batch closed, sent, mined) are summed up once per pass by <see cref="AnchoringWorker"/>
/// instead. Details are the node's or the registry's words; they carry no keys, digests or URLs.</remarks>
internal static partial class AnchoringEventLog
{
    /// <summary>The observer to give the processor.</summary>
    public static Action<AnchoringEvent> Observer(ILogger logger) => anchoringEvent =>
    {
        var authority = anchoringEvent.Authority;
        var detail = anchoringEvent.Detail ?? anchoringEvent.Exception?.Message;
        switch (anchoringEvent.Kind)
        {
            case AnchoringEventKind.LeaseAcquired:
                LogLeaseAcquired(logger, authority, detail);
                break;
            case AnchoringEventKind.LeaseLost:
                LogLeaseLost(logger, authority, detail);
                break;
            case AnchoringEventKind.BroadcastRefused:
                LogBroadcastRefused(logger, authority, anchoringEvent.Transaction, detail);
                break;
            case AnchoringEventKind.ActionRefused:
                LogActionRefused(logger, authority, detail);
                break;
            case AnchoringEventKind.KeyMissing:
                LogKeyMissing(logger, authority, detail);
                break;
            case AnchoringEventKind.FeeCapReached:
                LogFeeCap(logger, authority, anchoringEvent.Transaction, detail);
                break;
            case AnchoringEventKind.TransactionReverted:
                LogReverted(logger, authority, anchoringEvent.Transaction, detail);
                break;
            case AnchoringEventKind.TransactionAbandoned:
                LogAbandoned(logger, authority, anchoringEvent.Transaction, detail);
                break;
            case AnchoringEventKind.StoreConflict:
                LogStoreConflict(logger, authority, detail);
                break;
        }
    };

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Anchoring lease taken for authority {Authority}: {Detail}")]
    private static partial void LogLeaseAcquired(ILogger logger, AuthorityId? authority, string? detail);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Anchoring lease lost for authority {Authority}: {Detail}")]
    private static partial void LogLeaseLost(ILogger logger, AuthorityId? authority, string? detail);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning,
        Message = "The node refused transaction {Transaction} of authority {Authority} (is its key on the account allowlist?): {Detail}; it stays in flight")]
    private static partial void LogBroadcastRefused(ILogger logger, AuthorityId? authority, ChainHash? transaction, string? detail);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning,
        Message = "The registry would refuse an action of authority {Authority} ({Detail}); nothing was signed and its notices wait")]
    private static partial void LogActionRefused(ILogger logger, AuthorityId? authority, string? detail);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error, Message = "No key for authority {Authority}: {Detail}")]
    private static partial void LogKeyMissing(ILogger logger, AuthorityId? authority, string? detail);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning,
        Message = "Fee cap reached for authority {Authority}, transaction {Transaction}: {Detail}")]
    private static partial void LogFeeCap(ILogger logger, AuthorityId? authority, ChainHash? transaction, string? detail);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Warning,
        Message = "Transaction {Transaction} of authority {Authority} was mined but reverted: {Detail}; the action gets a new transaction")]
    private static partial void LogReverted(ILogger logger, AuthorityId? authority, ChainHash? transaction, string? detail);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Warning,
        Message = "Transaction {Transaction} of authority {Authority} was given up (its nonce was used by another): {Detail}")]
    private static partial void LogAbandoned(ILogger logger, AuthorityId? authority, ChainHash? transaction, string? detail);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Warning,
        Message = "The store answered unexpectedly for authority {Authority} (another instance on the same database?): {Detail}; the step was skipped")]
    private static partial void LogStoreConflict(ILogger logger, AuthorityId? authority, string? detail);
}
