namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>A clock the test moves by hand, shared by the store and the processor, so batch windows and stuck
/// transactions elapse on command instead of by sleeping.</summary>
/// <remarks>Starts at the real current time (whole milliseconds, as the store keeps times), because notice ids are
/// version 7 UUIDs stamped with it.</remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _utcTicks = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }
}
