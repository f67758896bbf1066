using System.Globalization;
using System.Text;

namespace NoticeChain.Api.Operations;

/// <summary>Writes the Prometheus text exposition format, version 0.0.4.</summary>
/// <remarks>
/// Each family is a <c># HELP</c> line, a <c># TYPE</c> line and its samples, families never interleaved. HELP text
/// escapes backslash and line feed; label values escape backslash, double quote and line feed; values are Go-style
/// floats (<c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>, otherwise the shortest round-trip form). Lines end in <c>\n</c>, and the
/// exposition ends with one.
/// </remarks>
internal sealed class PrometheusTextWriter
{
    /// <summary>The response's content type.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    /// <summary>Starts a family: its HELP and TYPE lines.</summary>
    /// <param name="name">The metric name (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>).</param>
    /// <param name="type"><c>counter</c>, <c>gauge</c> or <c>histogram</c>.</param>
    /// <param name="help">One line of help.</param>
    public PrometheusTextWriter Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>One sample of the current family.</summary>
    public PrometheusTextWriter Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                _text.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"").Append(EscapeLabelValue(labels[i].Value)).Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(FormatValue(value)).Append('\n');
        return this;
    }

    /// <summary>A whole histogram family: buckets (cumulative, ending in <c>+Inf</c>), sum and count.</summary>
    public PrometheusTextWriter Histogram(string name, string help, HistogramSnapshot histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        Family(name, "histogram", help);
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            Sample(name + "_bucket", histogram.CumulativeCounts[i], ("le", FormatValue(histogram.Bounds[i])));
        }

        Sample(name + "_bucket", histogram.Count, ("le", "+Inf"));
        Sample(name + "_sum", histogram.Sum);
        return Sample(name + "_count", histogram.Count);
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    /// <summary>HELP text: <c>\</c> → <c>\\</c>, line feed → <c>\n</c>.</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A label value: <c>\</c> → <c>\\</c>, <c>"</c> → <c>\"</c>, line feed → <c>\n</c>.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A sample value as Prometheus parses it.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
