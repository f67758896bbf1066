namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>An action the store holds as mined, with where: what the worker re-checks for reorgs.</summary>
/// <param name="Action">The action.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Authority">Its authority.</param>
/// <param name="Transaction">The mined transaction and its block.</param>
public sealed record MinedAction(ChainActionId Action, ChainActionKind Kind, AuthorityId Authority, MinedTransaction Transaction);
