using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace NoticeChain.Core.Notices;

/// <summary>The issuer's own opaque reference for a notice (a file number), at most 128 printable characters.</summary>
/// <remarks>
/// <para>
/// The reference lets a case-management system find its notice again; NoticeChain never interprets it. It is
/// stored and returned to the issuing authority only, never put on chain and never logged. It is documented as
/// carrying <b>no personal data</b>: a file number such as <c>BA-2026-000123</c>, not a citizen's name, so that
/// deleting a notice's salt and digest at the end of its retention period (crypto-shredding) leaves nothing
/// personal behind; NoticeChain cannot check this and relies on the issuer's data protection officer.
/// </para>
/// <para>
/// The rule: 1 to <see cref="MaxLength"/> characters, counted as Unicode scalar values; each a letter, mark,
/// number, punctuation, symbol or space; no control, format, private-use, surrogate or unassigned code points,
/// no line or paragraph separators; no white space at either end. The rule is strict so that what is shown in
/// a problem report, a log-free audit screen or a spreadsheet export is exactly what was sent.
/// </para>
/// </remarks>
public sealed class NoticeReference : IEquatable<NoticeReference>
{
    /// <summary>The longest reference accepted, in Unicode scalar values.</summary>
    public const int MaxLength = 128;

    private NoticeReference(string value) => Value = value;

    /// <summary>The reference as the issuer sent it.</summary>
    public string Value { get; }

    /// <summary>Checks the rule and wraps <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text breaks the rule; the message says how.</exception>
    public static NoticeReference Parse(string? text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    /// <summary>Checks the rule; on failure <paramref name="error"/> says which part of it was broken.</summary>
    /// <remarks>The message names no characters of the input, so it is safe to return in a problem report.</remarks>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out NoticeReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        reference = new NoticeReference(text!);
        return true;
    }

    /// <summary>The reference as the issuer sent it.</summary>
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(NoticeReference? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NoticeReference);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "The reference must not be empty.";
        }

        var count = 0;
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return "The reference contains an unpaired surrogate.";
            }

            if (++count > MaxLength)
            {
                return $"The reference is longer than {MaxLength} characters.";
            }

            if (!IsPrintable(rune))
            {
                return $"The reference contains a character that is not printable (position {count}).";
            }

            index += consumed;
        }

        if (Rune.IsWhiteSpace(Rune.GetRuneAt(text, 0)) || char.IsWhiteSpace(text[^1]))
        {
            return "The reference must not begin or end with white space.";
        }

        return null;
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse
            or UnicodeCategory.Surrogate
            or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
