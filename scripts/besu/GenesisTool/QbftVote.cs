using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>A validator vote carried in a QBFT header: add or drop <paramref name="Recipient"/>.</summary>
/// <param name="Recipient">The validator voted on.</param>
/// <param name="Add">True to add, false to drop.</param>
internal sealed record QbftVote(Address Recipient, bool Add);
