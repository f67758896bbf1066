using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>Where a registry event was found: block, transaction and log index.</summary>
/// <param name="BlockNumber">The block's number; facts above a rewind point are dropped by it.</param>
/// <param name="BlockHash">The block's hash.</param>
/// <param name="TransactionHash">The transaction that emitted the event.</param>
/// <param name="LogIndex">The event's index among the block's logs.</param>
public sealed record ChainEventPosition(ulong BlockNumber, ChainHash BlockHash, ChainHash TransactionHash, uint LogIndex);
