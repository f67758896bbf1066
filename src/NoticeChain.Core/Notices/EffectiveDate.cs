namespace NoticeChain.Core.Notices;

/// <summary>The range of effective dates of revocations and supersessions that the registry accepts.</summary>
/// <remarks>
/// The registry stores an effective date as Unix seconds between 1 and <c>MAX_EFFECTIVE_AT</c>
/// (9999-12-31T23:59:59Z) and reverts anything else (<c>EffectiveDateOutOfRange</c>). Checking the same rule
/// when a request is accepted turns what would be a failed transaction much later into a clear answer now.
/// Sub-second parts are dropped when a date is stored, because the chain holds whole seconds.
/// </remarks>
public static class EffectiveDate
{
    /// <summary>The earliest effective date: one second after the Unix epoch (0 means "none" on chain).</summary>
    public static readonly DateTimeOffset Min = DateTimeOffset.FromUnixTimeSeconds(1);

    /// <summary>The latest effective date, the registry's <c>MAX_EFFECTIVE_AT</c>: 9999-12-31T23:59:59Z.</summary>
    public static readonly DateTimeOffset Max = DateTimeOffset.FromUnixTimeSeconds(253_402_300_799);

    /// <summary>True when the registry accepts <paramref name="effectiveAt"/> (compared in whole seconds).</summary>
    public static bool IsValid(DateTimeOffset effectiveAt)
    {
        var seconds = effectiveAt.ToUnixTimeSeconds();
        return seconds >= Min.ToUnixTimeSeconds() && seconds <= Max.ToUnixTimeSeconds();
    }

    /// <summary>The date truncated to whole seconds, as the chain holds it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="Min"/>..<see cref="Max"/>.</exception>
    public static DateTimeOffset Normalize(DateTimeOffset effectiveAt) =>
        IsValid(effectiveAt)
            ? DateTimeOffset.FromUnixTimeSeconds(effectiveAt.ToUnixTimeSeconds())
            : throw new ArgumentOutOfRangeException(nameof(effectiveAt), effectiveAt, "An effective date lies between 1970-01-01T00:00:01Z and 9999-12-31T23:59:59Z.");
}
