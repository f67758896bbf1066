using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Api.Notices;

/// <summary>Reads a <c>multipart/form-data</c> upload: one part <c>file</c>, hashed with SHA-256 while it streams in, and a part <c>reference</c>.</summary>
/// <remarks>
/// The document passes through a fixed-size buffer into the hash and is never buffered whole, written to disk or
/// logged: the service keeps only the digest. That is why the parts are read with <see cref="MultipartReader"/>
/// and not through <c>IFormFile</c>, which spools large files to a temporary file.
/// </remarks>
internal static class NoticeUpload
{
    /// <summary>The name of the document part.</summary>
    public const string FilePart = "file";

    /// <summary>The name of the reference part.</summary>
    public const string ReferencePart = "reference";

    /// <summary>Whether the request claims to be a multipart form.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Hashes the file part and reads the reference, or answers 400 (malformed form) or 413 (file over the limit).</summary>
    public static async Task<(Digest Digest, string? Reference, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request,
        long maxFileBytes,
        CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return (default, null, Bad("Content-Type", "A multipart/form-data body needs a boundary parameter of 1 to 70 characters (RFC 2046)."));
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // Room for the form's own overhead (boundaries, part headers, the reference) beyond the file itself.
            sizeFeature.MaxRequestBodySize = maxFileBytes + (1024 * 1024);
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        Digest? digest = null;
        string? reference = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return (default, null, Bad(NoticeProblems.Body, "Every part needs a Content-Disposition: form-data header with a name."));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                switch (name)
                {
                    case FilePart when digest is not null:
                        return (default, null, Bad(FilePart, "The form has more than one file part; send one document per request."));
                    case FilePart:
                        digest = await Digest.ComputeAsync(new LimitedReadStream(section.Body, maxFileBytes), cancellationToken).ConfigureAwait(false);
                        break;
                    case ReferencePart when reference is not null:
                        return (default, null, Bad(ReferencePart, "The form has more than one reference part."));
                    case ReferencePart:
                        reference = await ReadFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);
                        if (reference is null)
                        {
                            return (default, null, Bad(ReferencePart, $"The reference part is longer than {NoticeRequestLimits.MaxFormFieldBytes} bytes or not UTF-8."));
                        }

                        break;
                    default:
                        return (default, null, Bad(string.IsNullOrEmpty(name) ? NoticeProblems.Body : name, "Unknown part; the form has the parts 'file' and 'reference'."));
                }
            }
        }
        catch (UploadTooLargeException)
        {
            return (default, null, NoticeProblems.For(StatusCodes.Status413PayloadTooLarge, FilePart, $"The document is larger than {maxFileBytes} bytes."));
        }
        catch (Exception exception) when (exception is InvalidDataException or (IOException and not BadHttpRequestException))
        {
            return (default, null, Bad(NoticeProblems.Body, "The multipart body is malformed or truncated."));
        }

        return digest is { } found
            ? (found, reference, null)
            : (default, null, Bad(FilePart, "The form has no part named 'file' with the document."));
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ProblemHttpResult Bad(string field, string message) =>
        NoticeProblems.For(StatusCodes.Status400BadRequest, field, message, "The multipart form is not as documented.");

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[NoticeRequestLimits.MaxFormFieldBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        if (total > NoticeRequestLimits.MaxFormFieldBytes)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, total);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
