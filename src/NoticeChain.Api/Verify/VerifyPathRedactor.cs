using System.Text.RegularExpressions;

namespace NoticeChain.Api.Verify;

/// <summary>Removes from a log text what a verify request looks up: the digest or notice id in the path and every
/// query string of a verify path (<c>/api/v1/verify/…</c>) or a QR deep link (<c>/n/…</c>).</summary>
/// <remarks>
/// ASP.NET Core writes the request path into its own log lines and scopes ("Request starting HTTP/1.1 GET
/// http://host/api/v1/verify/&lt;digest&gt;", the scope <c>RequestPath</c>, the route matcher's debug lines). Next to
/// a connection id and a time, that links a client to the document it checked, which invariant 1 forbids. The route
/// shape is kept (<c>/api/v1/verify/{digest}</c>) so the log still says which endpoint was called.
/// </remarks>
internal static partial class VerifyPathRedactor
{
    /// <summary>Whether <paramref name="text"/> holds a path this type redacts.</summary>
    public static bool Applies(string? text) =>
        text is not null
        && (text.Contains("api/v1/verify", StringComparison.OrdinalIgnoreCase)
            || text.Contains("/?", StringComparison.Ordinal)
            || MentionsDeepLink(text));

    /// <summary>A cheap scan for what <see cref="PublicPath"/>'s deep-link branch matches (<c>n/</c> or <c>n?</c> after a
    /// slash, white space, a quote, <c>=</c> or the start), so the regex runs only on the few log lines that need it:
    /// every log line of the service passes through here.</summary>
    private static bool MentionsDeepLink(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is '/' or '?'
                && text[i - 1] is 'n' or 'N'
                && (i == 1 || text[i - 2] is '/' or '"' or '\'' or '=' || char.IsWhiteSpace(text[i - 2])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every verify path's variable part and query replaced by placeholders.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Applies(text) ? PublicPath().Replace(text, RedactMatch) : text;
    }

    private static string RedactMatch(Match match)
    {
        var prefix = match.Groups["prefix"].Value;
        var rest = match.Groups["rest"].Value;
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rest : rest[..query];
        var redactedQuery = query < 0 ? string.Empty : "?[redacted]";
        if (prefix == "/")
        {
            return "/" + redactedQuery; // the page's deep link /?d=<digest>
        }

        if (prefix.EndsWith('n') || prefix.EndsWith('N'))
        {
            return path.Length == 0 ? prefix + redactedQuery : prefix + "/{id}" + redactedQuery;
        }

        var redactedPath = path.ToLowerInvariant() switch
        {
            "" or "/" or "/file" or "/receipt" => path,
            _ when path.StartsWith("/notices/", StringComparison.OrdinalIgnoreCase) => "/notices/{id}",
            _ => "/{digest}",
        };
        return prefix + redactedPath + redactedQuery;
    }

    /// <summary>A verify path or a deep link with what follows it up to white space, a quote or the end; also without
    /// the leading slash, as the route matcher logs a catch-all route value (<c>'api/v1/verify/…'</c>, <c>'n/…'</c>);
    /// and the page's root path with a query (<c>/?d=…</c>), alone or after a scheme and host.</summary>
    [GeneratedRegex("""(?<prefix>/?api/v1/verify|(?:/|(?<=^|[\s"'=]))n(?=[/?])|(?:(?<=^|[\s"'=])|(?<=https?://[^/\s"']+))/(?=\?))(?<rest>[^\s"'<>]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PublicPath();
}
