using System.Numerics;

namespace NoticeChain.Chain;

/// <summary>Conversions between the registry's <c>uint64</c> unix seconds and <see cref="DateTimeOffset"/>.</summary>
internal static class UnixTime
{
    /// <summary>A block time or effective date read from the chain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is beyond year 9999, which the contract never stores.</exception>
    public static DateTimeOffset FromSeconds(BigInteger seconds) => DateTimeOffset.FromUnixTimeSeconds(checked((long)seconds));

    /// <summary>A block time or effective date read from the chain; null for 0, the contract's "not set".</summary>
    public static DateTimeOffset? FromSecondsOrNull(BigInteger seconds) => seconds.IsZero ? null : FromSeconds(seconds);

    /// <summary>Whole seconds since 1970 (sub-second parts are dropped), as the contract stores dates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time lies before 1970, which a <c>uint64</c> cannot hold.</exception>
    public static ulong ToSeconds(DateTimeOffset time, string parameterName)
    {
        var seconds = time.ToUnixTimeSeconds();
        if (seconds < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, time, "The registry stores dates as unix seconds, so they cannot lie before 1970.");
        }

        return (ulong)seconds;
    }
}
