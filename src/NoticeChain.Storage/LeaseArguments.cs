using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;

namespace NoticeChain.Storage;

/// <summary>The argument checks both stores apply to the anchoring-lease calls, so they refuse the same things.</summary>
internal static class LeaseArguments
{
    /// <summary>The holder's text and the distinct authorities in byte order (a fixed order, so two workers asking
    /// for overlapping sets lock rows in the same order and cannot deadlock).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="authorities"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holder"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is shorter than a millisecond.</exception>
    public static (string Holder, IReadOnlyList<AuthorityId> Authorities) Check(
        LeaseHolderId holder,
        IReadOnlyCollection<AuthorityId> authorities,
        TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(1));
        var text = Holder(holder);
        var ordered = authorities.Distinct().OrderBy(a => a.ToString(), StringComparer.Ordinal).ToList();
        return (text, ordered);
    }

    /// <exception cref="ArgumentException"><paramref name="holder"/> is the default value.</exception>
    public static string Holder(LeaseHolderId holder) =>
        holder.Value ?? throw new ArgumentException("The lease holder id is missing.", nameof(holder));
}
