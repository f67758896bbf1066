using System.Globalization;
using System.Text;

namespace NoticeChain.IntegrationTests.Browser;

/// <summary>A small valid PDF 1.4 document: one A4 page with lines of Helvetica text, written by hand with a correct
/// cross-reference table, so the browser tests need no PDF tool.</summary>
public static class MinimalPdf
{
    /// <summary>The PDF bytes for a page showing <paramref name="lines"/> (printable ASCII).</summary>
    public static byte[] Create(params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var content = new StringBuilder("BT /F1 14 Tf 72 770 Td 18 TL\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        }

        content.Append("ET\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length.ToString(CultureInfo.InvariantCulture)} >>\nstream\n{content}endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string line)
    {
        if (line.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("Only printable ASCII is supported.", nameof(line));
        }

        return line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
    }
}
