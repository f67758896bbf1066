using Microsoft.Extensions.Logging;
using NoticeChain.Api.Anchoring;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Tests.Anchoring;

/// <summary>What an operator sees when anchoring is held up: every refusal reaches the log as a warning or error.</summary>
public sealed class AnchoringEventLogTests
{
    private static readonly AuthorityId Authority = AuthorityId.Parse("0x5fbe45eda34724df63c797282605aca3ccc9180a76408c406c1258d6e76df942");

    [Theory]
    [InlineData(AnchoringEventKind.BroadcastRefused, "Warning", "account allowlist")]
    [InlineData(AnchoringEventKind.ActionRefused, "Warning", "nothing was signed")]
    [InlineData(AnchoringEventKind.KeyMissing, "Error", "No key for authority")]
    [InlineData(AnchoringEventKind.FeeCapReached, "Warning", "Fee cap reached")]
    [InlineData(AnchoringEventKind.TransactionReverted, "Warning", "reverted")]
    [InlineData(AnchoringEventKind.TransactionAbandoned, "Warning", "given up")]
    [InlineData(AnchoringEventKind.StoreConflict, "Warning", "store answered unexpectedly")]
    [InlineData(AnchoringEventKind.LeaseLost, "Warning", "lease lost")]
    public void A_hold_up_is_logged_with_its_authority_and_the_nodes_words(AnchoringEventKind kind, string level, string words)
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var observe = AnchoringEventLog.Observer(factory.CreateLogger("anchoring"));

        observe(new AnchoringEvent(kind, Authority: Authority, Detail: "the node said: account not permitted"));

        var line = Assert.Single(logs.Lines);
        Assert.StartsWith(level, line, StringComparison.Ordinal);
        Assert.Contains(words, line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Authority.ToString(), line, StringComparison.Ordinal);
        Assert.Contains("account not permitted", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnchoringEventKind.BatchClosed)]
    [InlineData(AnchoringEventKind.TransactionSent)]
    [InlineData(AnchoringEventKind.TransactionMined)]
    public void Routine_events_are_left_to_the_pass_summary(AnchoringEventKind kind)
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        AnchoringEventLog.Observer(factory.CreateLogger("anchoring"))(new AnchoringEvent(kind, Authority: Authority));

        Assert.Empty(logs.Lines);
    }
}
