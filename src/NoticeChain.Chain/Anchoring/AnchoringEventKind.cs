namespace NoticeChain.Chain.Anchoring;

/// <summary>What an <see cref="AnchoringEvent"/> reports.</summary>
public enum AnchoringEventKind
{
    /// <summary>A batch was closed over an authority's pending notices.</summary>
    BatchClosed = 1,

    /// <summary>A transaction was signed, recorded and broadcast for a ready action.</summary>
    TransactionSent = 2,

    /// <summary>A recorded transaction was broadcast again, byte for byte.</summary>
    TransactionRebroadcast = 3,

    /// <summary>A stuck transaction was replaced by a version with the same nonce and higher fees.</summary>
    TransactionReplaced = 4,

    /// <summary>A transaction was mined and succeeded; the action is done.</summary>
    TransactionMined = 5,

    /// <summary>A transaction was mined but reverted; the action will get a new transaction.</summary>
    TransactionReverted = 6,

    /// <summary>A transaction's nonce was taken by another transaction; it was given up and the action is ready again.</summary>
    TransactionAbandoned = 7,

    /// <summary>A reorg dropped the block of a mined action; its transaction is in flight again.</summary>
    ActionUnmined = 8,

    /// <summary>The node could not be reached or answered unusably; the pass ended early and the next one retries.</summary>
    NodeUnavailable = 9,

    /// <summary>The node refused a transaction (not a nonce or duplicate problem); it stays in flight.</summary>
    BroadcastRefused = 10,

    /// <summary>The node refused to estimate the action's gas, usually because the registry would revert it; nothing was
    /// signed, and it stays ready.</summary>
    ActionRefused = 11,

    /// <summary>The keyring has no key for the action's authority (or not the key that signed it).</summary>
    KeyMissing = 12,

    /// <summary>A replacement would need a fee above the cap; the transaction keeps waiting.</summary>
    FeeCapReached = 13,

    /// <summary>The store answered unexpectedly (another worker on the same database?); the step was skipped.</summary>
    StoreConflict = 14,

    /// <summary>This worker took an authority's anchoring lease (at start, or after another worker's lapsed); it
    /// reconciles the authority's nonces and in-flight transactions before sending anything (decision 0016).</summary>
    LeaseAcquired = 15,

    /// <summary>This worker no longer holds an authority's lease (it could not renew it in time and another took it);
    /// it stops working on that authority.</summary>
    LeaseLost = 16,

    /// <summary>This worker gave up all its leases at a graceful stop; others may take them at once.</summary>
    LeasesReleased = 17,
}
