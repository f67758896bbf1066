using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Chain;

namespace NoticeChain.IntegrationTests.Following;

/// <summary>What <see cref="FollowingTestBed.WriteHistoryAsync"/> did on chain, to compare the index with.</summary>
public sealed record RegistryHistory(
    Authority Active,
    Authority Retired,
    NoticeBatch First,
    NoticeBatch Second,
    Address RotatedKey,
    TransactionReceipt Revocation,
    TransactionReceipt Supersession,
    TransactionReceipt Rotation,
    TransactionReceipt Retirement)
{
    /// <summary>The effective date declared for the revocation; the supersession's is a day later.</summary>
    public static readonly DateTimeOffset EffectiveAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
}
