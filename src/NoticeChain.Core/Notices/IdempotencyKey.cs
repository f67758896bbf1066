using System.Diagnostics.CodeAnalysis;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Notices;

/// <summary>An <c>Idempotency-Key</c> request header and the fingerprint of the request body it came with.</summary>
/// <remarks>
/// <para>
/// Follows the IETF draft "The Idempotency-Key HTTP Header Field": a client may retry a POST with the same key
/// and gets the first answer again; the same key with a different body is a client error (422). Keys are scoped
/// to the authority, so two authorities can use the same key independently.
/// </para>
/// <para>
/// The key is what the header's structured-field string carries: 1 to <see cref="MaxLength"/> printable ASCII
/// characters (space to tilde). The fingerprint is the SHA-256 of the request body, so the store never keeps
/// the body itself.
/// </para>
/// </remarks>
public sealed record IdempotencyKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 255;

    private IdempotencyKey(string key, Digest requestFingerprint)
    {
        Key = key;
        RequestFingerprint = requestFingerprint;
    }

    /// <summary>The key as the client sent it.</summary>
    public string Key { get; }

    /// <summary>The SHA-256 of the request body the key came with.</summary>
    public Digest RequestFingerprint { get; }

    /// <summary>Checks the key and pairs it with the fingerprint.</summary>
    /// <exception cref="FormatException">The key is empty, too long, or not printable ASCII.</exception>
    public static IdempotencyKey Create(string? key, Digest requestFingerprint) =>
        TryCreate(key, requestFingerprint, out var created, out var error) ? created : throw new FormatException(error);

    /// <summary>Checks the key and pairs it with the fingerprint; on failure <paramref name="error"/> says why.</summary>
    public static bool TryCreate(
        string? key,
        Digest requestFingerprint,
        [NotNullWhen(true)] out IdempotencyKey? created,
        [NotNullWhen(false)] out string? error)
    {
        created = null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            error = $"An idempotency key has 1 to {MaxLength} characters.";
            return false;
        }

        foreach (var c in key)
        {
            if (c is < ' ' or > '~')
            {
                error = "An idempotency key consists of printable ASCII characters.";
                return false;
            }
        }

        error = null;
        created = new IdempotencyKey(key, requestFingerprint);
        return true;
    }
}
