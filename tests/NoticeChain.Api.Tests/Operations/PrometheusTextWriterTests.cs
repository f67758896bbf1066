using NoticeChain.Api.Operations;

namespace NoticeChain.Api.Tests.Operations;

/// <summary>The exposition writer follows the text format 0.0.4: escaping, values, histogram lines.</summary>
public sealed class PrometheusTextWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    public void Label_values_escape_backslash_quote_and_line_feed(string value, string escaped) =>
        Assert.Equal(escaped, PrometheusTextWriter.EscapeLabelValue(value));

    [Fact]
    public void Help_escapes_backslash_and_line_feed_but_not_quotes() =>
        Assert.Equal("a \\\\ \"b\"\\nc", PrometheusTextWriter.EscapeHelp("a \\ \"b\"\nc"));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(3d, "3")]
    [InlineData(0.25d, "0.25")]
    [InlineData(1e21d, "1E+21")]
    public void Values_are_written_as_Prometheus_parses_them(double value, string text) =>
        Assert.Equal(text, PrometheusTextWriter.FormatValue(value));

    [Fact]
    public void A_histogram_has_cumulative_buckets_ending_in_inf_then_sum_and_count()
    {
        var histogram = new Histogram(1, 5);
        histogram.Observe(0.5);
        histogram.Observe(3);
        histogram.Observe(3);
        histogram.Observe(9);

        var text = new PrometheusTextWriter().Histogram("x_seconds", "Help.", histogram.Snapshot()).ToString();

        Assert.Equal(
            "# HELP x_seconds Help.\n# TYPE x_seconds histogram\n"
            + "x_seconds_bucket{le=\"1\"} 1\nx_seconds_bucket{le=\"5\"} 3\nx_seconds_bucket{le=\"+Inf\"} 4\n"
            + "x_seconds_sum 15.5\nx_seconds_count 4\n",
            text);
        Assert.NotNull(PrometheusExposition.Parse(text).Families["x_seconds"]);
    }

    [Fact]
    public void A_labelled_sample_round_trips_through_the_parser()
    {
        var text = new PrometheusTextWriter().Family("y_total", "counter", "Y.").Sample("y_total", 7, ("k", "a\"b\\c\nd")).ToString();

        Assert.Equal(7, PrometheusExposition.Parse(text).Value("y_total", ("k", "a\"b\\c\nd")));
    }

    [Fact]
    public void The_parser_refuses_a_sample_outside_its_family() =>
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# HELP a A.\n# TYPE a gauge\nb 1\n"));
}
