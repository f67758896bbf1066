using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed class AcceptResultTests
{
    [Fact]
    public void A_failure_carries_no_notices_and_no_single_notice()
    {
        var failure = AcceptResult.Failure(AcceptOutcome.SupersededNoticeNotFound, 4);

        Assert.False(failure.Succeeded);
        Assert.Empty(failure.Notices);
        Assert.Equal(4, failure.FailedIndex);
        Assert.Throws<InvalidOperationException>(() => failure.Only);
    }

    [Fact]
    public void Success_and_failure_outcomes_cannot_be_mixed_up()
    {
        Assert.Throws<ArgumentException>(() => AcceptResult.Success(AcceptOutcome.IdempotencyKeyReused, []));
        Assert.Throws<ArgumentException>(() => AcceptResult.Failure(AcceptOutcome.Accepted));
    }
}
