using System.Globalization;
using System.Text;

namespace NoticeChain.Api.Tests.Operations;

/// <summary>A strict reader of the Prometheus text format 0.0.4, written from the format's description, for asserting on
/// what <c>/metrics</c> serves: every line must be a HELP, a TYPE or a sample of the family declared last.</summary>
internal sealed class PrometheusExposition
{
    private readonly Dictionary<string, Family> _families = new(StringComparer.Ordinal);

    /// <summary>The families by name.</summary>
    public IReadOnlyDictionary<string, Family> Families => _families;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> on anything the format does not allow.</summary>
    public static PrometheusExposition Parse(string text)
    {
        if (!text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var exposition = new PrometheusExposition();
        Family? current = null;
        string? pendingHelp = null;
        foreach (var line in text[..^1].Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line["# HELP ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                pendingHelp = rest[..space];
                current = new Family(pendingHelp, UnescapeHelp(rest[(space + 1)..]));
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line["# TYPE ".Length..].Split(' ');
                if (current is null || parts.Length != 2 || parts[0] != pendingHelp || parts[1] is not ("counter" or "gauge" or "histogram"))
                {
                    throw new FormatException($"TYPE without its HELP, or an unknown type: '{line}'.");
                }

                current.Type = parts[1];
                if (!exposition._families.TryAdd(current.Name, current))
                {
                    throw new FormatException($"Family {current.Name} appears twice.");
                }
            }
            else
            {
                if (current?.Type is null)
                {
                    throw new FormatException($"A sample before any TYPE line: '{line}'.");
                }

                var sample = ParseSample(line);
                var allowed = current.Type == "histogram"
                    ? new[] { current.Name + "_bucket", current.Name + "_sum", current.Name + "_count" }
                    : [current.Name];
                if (!allowed.Contains(sample.Name))
                {
                    throw new FormatException($"Sample {sample.Name} outside its family ({current.Name}).");
                }

                current.Samples.Add(sample);
            }
        }

        foreach (var histogram in exposition._families.Values.Where(f => f.Type == "histogram"))
        {
            var buckets = histogram.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
            if (buckets.Count == 0 || buckets[^1].Labels["le"] != "+Inf"
                || buckets.Zip(buckets.Skip(1)).Any(p => p.Second.Value < p.First.Value)
                || buckets[^1].Value != histogram.Value(histogram.Name + "_count"))
            {
                throw new FormatException($"Histogram {histogram.Name} has no cumulative buckets ending in +Inf = count.");
            }
        }

        return exposition;
    }

    /// <summary>The value of the sample of <paramref name="name"/> with exactly these labels, or null.</summary>
    public double? Value(string name, params (string Name, string Value)[] labels) =>
        _families.Values.SelectMany(f => f.Samples)
            .Where(s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value))
            .Select(s => (double?)s.Value)
            .SingleOrDefault();

    private static Sample ParseSample(string line)
    {
        var position = 0;
        while (position < line.Length && (char.IsAsciiLetterOrDigit(line[position]) || line[position] is '_' or ':'))
        {
            position++;
        }

        var name = line[..position];
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            throw new FormatException($"No metric name: '{line}'.");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var label = line[position..equals];
                if (line[equals + 1] != '"')
                {
                    throw new FormatException($"Unquoted label value: '{line}'.");
                }

                var value = new StringBuilder();
                position = equals + 2;
                for (; line[position] != '"'; position++)
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            _ => throw new FormatException($"Bad escape in a label value: '{line}'."),
                        });
                    }
                    else
                    {
                        value.Append(line[position]);
                    }
                }

                labels.Add(label, value.ToString());
                position++;
                if (line[position] == ',')
                {
                    position++;
                }
            }

            position++;
        }

        if (position >= line.Length || line[position] != ' ')
        {
            throw new FormatException($"No space before the value: '{line}'.");
        }

        var text = line[(position + 1)..];
        var number = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, number);
    }

    private static string UnescapeHelp(string help) => help.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>A metric family.</summary>
    internal sealed class Family(string name, string help)
    {
        public string Name { get; } = name;

        public string Help { get; } = help;

        public string? Type { get; set; }

        public List<Sample> Samples { get; } = [];

        public double Value(string sampleName) => Samples.Single(s => s.Name == sampleName && !s.Labels.ContainsKey("le")).Value;
    }

    /// <summary>One sample line.</summary>
    internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
