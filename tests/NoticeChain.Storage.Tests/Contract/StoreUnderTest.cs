using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Verification;

namespace NoticeChain.Storage.Tests.Contract;

/// <summary>An open store seen through its ports, the only way the contract tests touch it.</summary>
public sealed class StoreUnderTest(
    INoticeStore notices,
    IAnchoringStore anchoring,
    IChainIndexStore chain,
    IAsyncDisposable owner) : IAsyncDisposable
{
    public INoticeStore Notices { get; } = notices;

    public IAnchoringStore Anchoring { get; } = anchoring;

    public IChainIndexStore Chain { get; } = chain;

    /// <summary>The verify API's port, which every store implements on the same object as <see cref="Notices"/>.</summary>
    public INoticeLookup Lookup => Notices as INoticeLookup
        ?? throw new InvalidOperationException($"{Notices.GetType().Name} does not implement {nameof(INoticeLookup)}.");

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
