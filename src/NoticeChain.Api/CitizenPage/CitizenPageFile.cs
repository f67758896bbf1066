using Microsoft.Net.Http.Headers;

namespace NoticeChain.Api.CitizenPage;

/// <summary>One file of the citizen page as it is served: its bytes, content type and entity tag.</summary>
/// <param name="Content">The bytes sent, never changed after loading.</param>
/// <param name="ContentType">The <c>Content-Type</c>, with a charset for text.</param>
/// <param name="ETag">A strong entity tag derived from <paramref name="Content"/>, for conditional requests.</param>
internal sealed record CitizenPageFile(ReadOnlyMemory<byte> Content, string ContentType, EntityTagHeaderValue ETag);
