namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>How the store answered <see cref="IAnchoringStore.RecordTransactionAsync"/>.</summary>
public enum TransactionRecordOutcome
{
    /// <summary>Recorded and the nonce consumed: broadcast it now.</summary>
    Recorded = 1,

    /// <summary>This very transaction was recorded for the action before; nothing changed.</summary>
    AlreadyRecorded = 2,

    /// <summary>The nonce is not the sender's next nonce; nothing was recorded. Sign again with
    /// <see cref="TransactionRecordResult.NextNonce"/>.</summary>
    NonceMismatch = 3,

    /// <summary>The action already has a live transaction or is mined; nothing was recorded.</summary>
    ActionBusy = 4,

    /// <summary>No such action.</summary>
    ActionNotFound = 5,
}
