namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>An action's live transaction: recorded, not yet seen mined.</summary>
/// <param name="Action">The action.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Authority">Its authority.</param>
/// <param name="Transaction">The live transaction, to rebroadcast byte for byte.</param>
/// <param name="SentAt">When it was recorded; the worker replaces it with a higher fee when it waited too long.</param>
/// <param name="ReplacedHashes">Earlier versions with the same nonce, oldest first. Any of them may still be the one
/// that gets mined, so the worker looks for a receipt of each.</param>
public sealed record InFlightTransaction(
    ChainActionId Action,
    ChainActionKind Kind,
    AuthorityId Authority,
    OutgoingTransaction Transaction,
    DateTimeOffset SentAt,
    IReadOnlyList<Receipts.ChainHash> ReplacedHashes);
