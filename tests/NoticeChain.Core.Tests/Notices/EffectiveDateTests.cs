using System.Globalization;
using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed class EffectiveDateTests
{
    [Fact]
    public void The_range_is_the_registrys_one_to_MAX_EFFECTIVE_AT()
    {
        var contract = RepositoryFile.ReadAllText(Path.Combine("contracts", "NoticeRegistry.sol"));

        var max = EffectiveDate.Max.ToUnixTimeSeconds().ToString("N0", CultureInfo.InvariantCulture).Replace(",", "_", StringComparison.Ordinal);
        Assert.Contains("MAX_EFFECTIVE_AT = " + max + ";", contract, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), EffectiveDate.Max);
        Assert.Equal(1, EffectiveDate.Min.ToUnixTimeSeconds());
    }

    [Fact]
    public void Dates_inside_the_range_are_valid_and_lose_their_fraction_of_a_second()
    {
        var date = new DateTimeOffset(2027, 3, 1, 12, 0, 0, 999, TimeSpan.FromHours(1));

        Assert.True(EffectiveDate.IsValid(date));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 11, 0, 0, TimeSpan.Zero), EffectiveDate.Normalize(date));
        Assert.True(EffectiveDate.IsValid(EffectiveDate.Min));
        Assert.True(EffectiveDate.IsValid(EffectiveDate.Max));
    }

    [Fact]
    public void Dates_the_registry_would_revert_are_invalid()
    {
        Assert.False(EffectiveDate.IsValid(DateTimeOffset.UnixEpoch));
        Assert.False(EffectiveDate.IsValid(new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveDate.Normalize(DateTimeOffset.UnixEpoch));
    }
}
