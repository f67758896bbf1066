using System.Security.Cryptography;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>Who holds an anchoring lease: one running anchoring worker, normally one per API process.</summary>
/// <remarks>
/// A fresh random id per process (<see cref="NewRandom"/>), not a host name: a restarted process must not pick up
/// a lease its dead predecessor still holds as if nothing had happened, because the predecessor may have died in
/// the middle of a pass; the new process acquires the lease anew and reconciles first (decision 0016). The text is
/// 1 to 64 characters of letters, digits, <c>.</c>, <c>_</c>, <c>:</c> and <c>-</c>, so it is safe in logs and
/// columns; it is no secret.
/// </remarks>
public readonly record struct LeaseHolderId
{
    /// <summary>The most characters an id may have.</summary>
    public const int MaxLength = 64;

    /// <summary>Wraps an id.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long, or has another character.</exception>
    public LeaseHolderId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength || !value.All(IsAllowed))
        {
            throw new ArgumentException(
                $"A lease holder id is 1 to {MaxLength} letters, digits, '.', '_', ':' or '-'.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>A new id of 32 random hexadecimal digits (128 bits), unique for every practical purpose.</summary>
    public static LeaseHolderId NewRandom() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
}
