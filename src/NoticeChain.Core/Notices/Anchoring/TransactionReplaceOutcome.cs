namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>How the store answered <see cref="IAnchoringStore.ReplaceTransactionAsync"/>.</summary>
public enum TransactionReplaceOutcome
{
    /// <summary>The replacement is now the live transaction; the old one is kept as replaced.</summary>
    Replaced = 1,

    /// <summary>The replacement already is the live transaction; nothing changed.</summary>
    AlreadyReplaced = 2,

    /// <summary>The action has no live transaction (not found, ready, or mined).</summary>
    NotInFlight = 3,

    /// <summary>The live transaction is not the one the caller meant to replace.</summary>
    StaleTransaction = 4,

    /// <summary>The replacement has another sender or nonce than the live transaction.</summary>
    SenderOrNonceMismatch = 5,
}
