using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>Where a transaction was mined, from its receipt and block.</summary>
/// <param name="TransactionHash">The version of the action's transaction that was mined.</param>
/// <param name="BlockNumber">The block's number.</param>
/// <param name="BlockHash">The block's hash, to notice a reorg later.</param>
/// <param name="BlockTime">The block's timestamp: for an anchor, the notices' proven time of issue.</param>
public sealed record MinedTransaction(ChainHash TransactionHash, ulong BlockNumber, ChainHash BlockHash, DateTimeOffset BlockTime);
