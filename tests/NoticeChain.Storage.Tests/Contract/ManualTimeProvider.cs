namespace NoticeChain.Storage.Tests.Contract;

/// <summary>A clock the test moves by hand, so acceptance order and timestamps are exact.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
