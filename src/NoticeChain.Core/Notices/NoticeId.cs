using System.Diagnostics.CodeAnalysis;

namespace NoticeChain.Core.Notices;

/// <summary>The identifier NoticeChain gives a notice when it accepts it: a version 7 UUID (RFC 9562).</summary>
/// <remarks>
/// <para>
/// Version 7 puts the acceptance time (milliseconds since the Unix epoch) in the first 48 bits, so ids sort
/// roughly by time in every database index and log, while the remaining 74 random bits make an id
/// unguessable enough that enumerating another authority's notices is pointless (and every read is scoped
/// to the caller's authority anyway).
/// </para>
/// <para>
/// The text form is the canonical 36-character form of RFC 9562, section 4, in lower case:
/// <c>0192f3a4-5b6c-7d8e-9f01-23456789abcd</c>. Parsing accepts either case but nothing else (no braces, no
/// missing hyphens), and only version 7 ids with the RFC 9562 variant, because NoticeChain never hands out
/// any other kind; a malformed id is a client error, not a lookup that finds nothing.
/// </para>
/// </remarks>
public readonly struct NoticeId : IEquatable<NoticeId>, IComparable<NoticeId>
{
    /// <summary>Length of the canonical text form.</summary>
    public const int TextLength = 36;

    private NoticeId(Guid value) => Value = value;

    /// <summary>The UUID.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new id stamped with the current time of <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public static NoticeId New(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new NoticeId(Guid.CreateVersion7(timeProvider.GetUtcNow()));
    }

    /// <summary>Wraps an existing UUID, e.g. read back from a database.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a version 7 UUID.</exception>
    public static NoticeId FromGuid(Guid value) =>
        IsVersion7(value)
            ? new NoticeId(value)
            : throw new ArgumentException("A notice id is a version 7 UUID.", nameof(value));

    /// <summary>Parses the canonical 36-character form of a version 7 UUID.</summary>
    /// <exception cref="FormatException">The text is not such an id.</exception>
    public static NoticeId Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException("A notice id is a version 7 UUID in the form xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx.");

    /// <summary>Parses the canonical 36-character form of a version 7 UUID; false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NoticeId id)
    {
        id = default;
        if (text.Length != TextLength || !Guid.TryParseExact(text, "D", out var value) || !IsVersion7(value))
        {
            return false;
        }

        id = new NoticeId(value);
        return true;
    }

    /// <summary>The canonical lower-case 36-character form.</summary>
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public bool Equals(NoticeId other) => Value.Equals(other.Value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is NoticeId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Orders ids as their text forms sort, which for version 7 is by creation time first.</summary>
    public int CompareTo(NoticeId other) => Value.CompareTo(other.Value);

    /// <summary>Compares two ids.</summary>
    public static bool operator ==(NoticeId left, NoticeId right) => left.Equals(right);

    /// <summary>Compares two ids.</summary>
    public static bool operator !=(NoticeId left, NoticeId right) => !left.Equals(right);

    /// <summary>Orders two ids.</summary>
    public static bool operator <(NoticeId left, NoticeId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids.</summary>
    public static bool operator <=(NoticeId left, NoticeId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids.</summary>
    public static bool operator >(NoticeId left, NoticeId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids.</summary>
    public static bool operator >=(NoticeId left, NoticeId right) => left.CompareTo(right) >= 0;

    /// <remarks>RFC 9562, section 4.1 and 4.2: variant bits <c>10</c>, version nibble 7.</remarks>
    private static bool IsVersion7(Guid value) => value.Version == 7 && (value.Variant & 0xC) == 0x8;
}
