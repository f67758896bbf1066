using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Verification;

namespace NoticeChain.Api.Notices;

/// <summary>Turns the string fields of the requests into domain values once, at the edge, naming the field on failure.</summary>
/// <remarks>
/// A digest is written as <c>sha256sum</c> prints it: 64 hex digits, either case, without <c>0x</c>. The prefix is
/// refused rather than stripped, because receipts write digests without it (decision 0007) and one spelling keeps
/// integrators from comparing different strings for the same value.
/// </remarks>
internal static partial class NoticeFields
{
    /// <summary>Parses a digest, adding an error for <paramref name="field"/> if it is missing or malformed.</summary>
    public static bool TryDigest(string? text, string field, FieldErrors errors, out Digest digest)
    {
        digest = default;
        if (text is null)
        {
            errors.Add(field, "The digest is required.");
            return false;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "The digest is written without the 0x prefix: 64 hexadecimal digits as sha256sum prints them.");
            return false;
        }

        if (!Digest.TryParse(text, out digest))
        {
            errors.Add(field, "The digest is exactly 64 hexadecimal digits (SHA-256).");
            return false;
        }

        return true;
    }

    /// <summary>Parses a reference, adding an error for <paramref name="field"/> if it is missing or not allowed.</summary>
    public static bool TryReference(string? text, string field, FieldErrors errors, [NotNullWhen(true)] out NoticeReference? reference)
    {
        reference = null;
        if (text is null)
        {
            errors.Add(field, "The reference is required: the authority's opaque case reference, no personal data.");
            return false;
        }

        if (!NoticeReference.TryParse(text, out reference, out var error))
        {
            errors.Add(field, error);
            return false;
        }

        return true;
    }

    /// <summary>Parses a notice id, adding an error for <paramref name="field"/> if it is malformed.</summary>
    public static bool TryNoticeId(string? text, string field, FieldErrors errors, out NoticeId id)
    {
        if (NoticeId.TryParse(text, out id))
        {
            return true;
        }

        errors.Add(field, "A notice id is a version 7 UUID in the form xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx.");
        return false;
    }

    /// <summary>Parses a revocation reason, lower case as documented.</summary>
    public static bool TryReason(string? text, string field, FieldErrors errors, out RevocationReason reason)
    {
        reason = default;
        var known = text switch
        {
            "withdrawal" => RevocationReason.Withdrawal,
            "revocation" => RevocationReason.Revocation,
            "correction" => RevocationReason.Correction,
            "nullity" => RevocationReason.Nullity,
            "other" => RevocationReason.Other,
            _ => (RevocationReason?)null,
        };
        if (known is null)
        {
            errors.Add(field, "The reason is one of withdrawal, revocation, correction, nullity, other.");
            return false;
        }

        reason = known.Value;
        return true;
    }

    /// <summary>Parses an RFC 3339 date-time with an explicit offset (section 5.6), within the registry's range.</summary>
    public static bool TryEffectiveAt(string? text, string field, FieldErrors errors, out DateTimeOffset effectiveAt)
    {
        effectiveAt = default;
        if (text is null || !Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out effectiveAt))
        {
            errors.Add(field, "The effective date is an RFC 3339 date-time with an offset, e.g. 2026-12-01T00:00:00Z.");
            return false;
        }

        if (!EffectiveDate.IsValid(effectiveAt))
        {
            errors.Add(field, "The effective date lies between 1970-01-01T00:00:01Z and 9999-12-31T23:59:59Z.");
            return false;
        }

        return true;
    }

    /// <summary>Writes an instant as RFC 3339 UTC with a <c>Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The lower-case name of a status.</summary>
    public static string Format(NoticeStatus status) => status switch
    {
        NoticeStatus.Pending => "pending",
        NoticeStatus.Anchored => "anchored",
        NoticeStatus.Revoked => "revoked",
        NoticeStatus.Superseded => "superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown notice status."),
    };

    /// <summary>The lower-case name of a reason.</summary>
    public static string Format(RevocationReason reason) => VerificationCodes.Reason(reason);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Rfc3339();
}
