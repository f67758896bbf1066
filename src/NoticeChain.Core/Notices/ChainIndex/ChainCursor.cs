using NoticeChain.Core.Receipts;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>The last block the chain follower has fully indexed, by number and hash.</summary>
/// <param name="BlockNumber">The block's number.</param>
/// <param name="BlockHash">The block's hash; when the node reports another hash at this number, the chain reorganised
/// and the follower rewinds (<see cref="IChainIndexStore.RewindAsync"/>).</param>
public sealed record ChainCursor(ulong BlockNumber, ChainHash BlockHash);
