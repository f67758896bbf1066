namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>The real clock moved by a fixed amount, to mint tokens that are expired or not yet valid against the API's real clock.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
}
