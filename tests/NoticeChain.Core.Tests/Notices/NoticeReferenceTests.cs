using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed class NoticeReferenceTests
{
    public static TheoryData<string> Valid => new()
    {
        "BA-2026-000123",
        "Az. 61.3/0815-2026",
        "Bauschein Nr. 17 (Änderung)",
        "ß€§ – ok",
        "𝔄𝔷 1",
        new string('x', NoticeReference.MaxLength),
        "\U0001F4C4" + new string('y', NoticeReference.MaxLength - 1),
    };

    public static TheoryData<string?, string> Invalid => new()
    {
        { null, "empty" },
        { "", "empty" },
        { new string('x', NoticeReference.MaxLength + 1), "longer than 128" },
        { "AZ\n1", "not printable" },
        { "AZ\t1", "not printable" },
        { "AZ\u200B1", "not printable" },
        { "AZ\u20281", "not printable" },
        { "AZ\uE0001", "not printable" },
        { " AZ-1", "white space" },
        { "AZ-1 ", "white space" },
        { "AZ-1\u00A0", "white space" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Printable_references_up_to_128_characters_are_accepted(string text)
    {
        Assert.True(NoticeReference.TryParse(text, out var reference, out var error));
        Assert.Null(error);
        Assert.Equal(text, reference.Value);
        Assert.Equal(reference, NoticeReference.Parse(text));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void References_breaking_the_rule_are_rejected_with_the_reason(string? text, string reason)
    {
        Assert.False(NoticeReference.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => NoticeReference.Parse(text)).Message);
    }

    [Fact]
    public void An_unpaired_surrogate_is_rejected()
    {
        // Not theory data: xUnit's serialization of test cases would replace the lone surrogate with U+FFFD.
        Assert.False(NoticeReference.TryParse("AZ\uD8001", out _, out var error));
        Assert.Contains("unpaired surrogate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_counts_characters_not_UTF16_units()
    {
        var astral = string.Concat(Enumerable.Repeat("\U0001D504", NoticeReference.MaxLength));

        Assert.True(NoticeReference.TryParse(astral, out _, out _));
        Assert.False(NoticeReference.TryParse(astral + "x", out _, out _));
    }
}
