using System.Text.Json.Serialization;

namespace NoticeChain.Api.Notices;

/// <summary>The JSON body of <c>POST /api/v1/notices</c>.</summary>
/// <remarks>Fields are strings, not domain types, so that each one is validated here and its error names it.</remarks>
/// <param name="Digest">SHA-256 of the document, 64 hex digits without prefix.</param>
/// <param name="Reference">The authority's opaque reference, at most 128 characters, no personal data.</param>
/// <param name="Supersedes">The id of the authority's notice this one replaces, if any.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record NoticeRequest(string? Digest, string? Reference, string? Supersedes);

/// <summary>The JSON body of <c>POST /api/v1/notices/batch</c>.</summary>
/// <param name="Notices">1 to 10,000 notices.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record BatchRequest(IReadOnlyList<BatchNoticeRequest?>? Notices);

/// <summary>One notice of a batch.</summary>
/// <param name="Digest">SHA-256 of the document, 64 hex digits without prefix.</param>
/// <param name="Reference">The authority's opaque reference.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record BatchNoticeRequest(string? Digest, string? Reference);

/// <summary>The JSON body of <c>POST /api/v1/notices/{id}/revoke</c>.</summary>
/// <param name="Reason"><c>withdrawal</c>, <c>revocation</c>, <c>correction</c>, <c>nullity</c> or <c>other</c>.</param>
/// <param name="EffectiveAt">When the revocation takes legal effect, RFC 3339 with an offset.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RevokeRequest(string? Reason, string? EffectiveAt);

/// <summary>The form of a multipart upload, for the OpenAPI document only: the endpoint reads the parts as a stream.</summary>
/// <param name="File">The document; hashed while it arrives and never stored.</param>
/// <param name="Reference">The authority's opaque reference.</param>
internal sealed record NoticeUploadForm(IFormFile File, string Reference);
