namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>How the store answered marking an action's transaction mined or reverted.</summary>
public enum ConfirmationOutcome
{
    /// <summary>Recorded.</summary>
    Marked = 1,

    /// <summary>Recorded before with the same transaction and block; nothing changed.</summary>
    AlreadyMarked = 2,

    /// <summary>The transaction is not one of the action's; nothing changed.</summary>
    UnknownTransaction = 3,

    /// <summary>No such action.</summary>
    ActionNotFound = 4,

    /// <summary>The action is already mined by another transaction or in another block; un-mine it first
    /// (<see cref="IAnchoringStore.UnmineAsync"/>).</summary>
    Conflict = 5,
}
