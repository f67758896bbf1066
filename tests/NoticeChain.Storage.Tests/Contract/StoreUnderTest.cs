using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>An open store seen through its three ports, the only way the contract tests touch it.</summary>
public sealed class StoreUnderTest(
    INoticeStore notices,
    IAnchoringStore anchoring,
    IChainIndexStore chain,
    IAsyncDisposable owner) : IAsyncDisposable
{
    public INoticeStore Notices { get; } = notices;

    public IAnchoringStore Anchoring { get; } = anchoring;

    public IChainIndexStore Chain { get; } = chain;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
