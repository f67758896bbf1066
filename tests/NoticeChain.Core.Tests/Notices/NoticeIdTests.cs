using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed class NoticeIdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, 123, TimeSpan.Zero);

    [Fact]
    public void New_makes_a_version_7_uuid_stamped_with_the_clock()
    {
        var id = NoticeId.New(new FixedTime(Now));

        Assert.Equal(7, id.Value.Version);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), Convert.ToInt64(id.ToString().Replace("-", "", StringComparison.Ordinal)[..12], 16));
    }

    [Fact]
    public void New_ids_are_distinct_even_within_one_millisecond()
    {
        var time = new FixedTime(Now);

        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => NoticeId.New(time)).Distinct().Count());
    }

    [Fact]
    public void Text_form_is_canonical_lower_case_and_parses_back()
    {
        var id = NoticeId.New(new FixedTime(Now));

        var text = id.ToString();

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", text);
        Assert.Equal(id, NoticeId.Parse(text));
        Assert.Equal(id, NoticeId.Parse(text.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01932c07-a9d4-7c3b-8b5a-3f1e2d4c5b6")]
    [InlineData("{01932c07-a9d4-7c3b-8b5a-3f1e2d4c5b6a}")]
    [InlineData("01932c07a9d47c3b8b5a3f1e2d4c5b6a")]
    [InlineData("01932c07-a9d4-4c3b-8b5a-3f1e2d4c5b6a")]
    [InlineData("01932c07-a9d4-7c3b-cb5a-3f1e2d4c5b6a")]
    [InlineData("01932c07-a9d4-7c3b-8b5a-3f1e2d4c5b6g")]
    [InlineData(" 01932c07-a9d4-7c3b-8b5a-3f1e2d4c5b6a")]
    public void Parse_rejects_anything_but_a_canonical_version_7_uuid(string text)
    {
        Assert.False(NoticeId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => NoticeId.Parse(text));
    }

    [Fact]
    public void FromGuid_rejects_other_versions()
    {
        Assert.Throws<ArgumentException>(() => NoticeId.FromGuid(Guid.NewGuid()));
        var id = NoticeId.New(new FixedTime(Now));
        Assert.Equal(id, NoticeId.FromGuid(id.Value));
    }

    [Fact]
    public void Ids_order_by_creation_time_as_their_text_does()
    {
        var earlier = NoticeId.New(new FixedTime(Now));
        var later = NoticeId.New(new FixedTime(Now.AddMilliseconds(1)));

        Assert.True(earlier < later);
        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
        var ids = Enumerable.Range(0, 200).Select(i => NoticeId.New(new FixedTime(Now.AddMilliseconds(i % 7)))).ToArray();
        Assert.Equal(ids.Select(i => i.ToString()).Order(StringComparer.Ordinal), ids.Order().Select(i => i.ToString()));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
