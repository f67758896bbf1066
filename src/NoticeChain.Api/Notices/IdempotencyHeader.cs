using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Notices;

/// <summary>The <c>Idempotency-Key</c> request header (draft-ietf-httpapi-idempotency-key-header).</summary>
/// <remarks>
/// The draft defines the value as a Structured Field String (RFC 8941 section 3.3.3, a quoted string); many clients
/// send the bare key, so both are accepted and mean the same key. A key is 1 to 255 printable ASCII characters; a
/// malformed or repeated header is 400, because guessing would break the guarantee the client asked for.
/// </remarks>
internal static class IdempotencyHeader
{
    /// <summary>The header name.</summary>
    public const string Name = "Idempotency-Key";

    /// <summary>Reads the key: true with null when the header is absent, false with a 400 answer when it is malformed.</summary>
    public static bool TryRead(HttpRequest request, out string? key, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        key = null;
        problem = null;
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return true;
        }

        string? error = null;
        var text = values.Count == 1 ? Unquote(values[0]) : null;
        if (text is null || !IdempotencyKey.TryCreate(text, default, out _, out error))
        {
            problem = NoticeProblems.For(
                StatusCodes.Status400BadRequest,
                Name,
                values.Count == 1 ? error ?? "The key is not a well-formed string." : "The header is given more than once.");
            return false;
        }

        key = text;
        return true;
    }

    /// <summary>The store's key: <paramref name="key"/> with the SHA-256 fingerprint of the request's content.</summary>
    public static IdempotencyKey? Create(string? key, ReadOnlySpan<byte> fingerprintInput) =>
        key is null ? null : IdempotencyKey.Create(key, new Digest(SHA256.HashData(fingerprintInput)));

    /// <summary>The fingerprint input of an upload: its digest and reference, since the multipart boundary changes with every request.</summary>
    public static byte[] UploadFingerprintInput(Digest digest, string reference) =>
        Encoding.UTF8.GetBytes($"multipart/form-data\n{digest}\n{reference}");

    /// <summary>The 422 answer for a key reused with a different request.</summary>
    public static ProblemHttpResult Reused() =>
        NoticeProblems.For(
            StatusCodes.Status422UnprocessableEntity,
            Name,
            "The key was used before with a different request; use a new key for a new request.");

    private static string? Unquote(string? value)
    {
        if (value is null || value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                if (++i >= value.Length - 1 || value[i] is not ('"' or '\\'))
                {
                    return null;
                }

                c = value[i];
            }
            else if (c == '"')
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
