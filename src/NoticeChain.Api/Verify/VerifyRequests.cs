namespace NoticeChain.Api.Verify;

/// <summary>The batch request: 1 to 1000 digests.</summary>
/// <param name="Digests">The documents' SHA-256 digests, 64 hex digits each.</param>
internal sealed record VerifyBatchRequest(IReadOnlyList<string?>? Digests);

/// <summary>The upload form, for the OpenAPI document: the request is read as a stream, part by part.</summary>
/// <param name="File">The document.</param>
internal sealed record VerifyUploadForm(IFormFile File);
