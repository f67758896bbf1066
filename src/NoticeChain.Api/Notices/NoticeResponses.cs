using System.Text.Json;

namespace NoticeChain.Api.Notices;

/// <summary>A notice as the API reports it.</summary>
/// <param name="Id">The notice id (a version 7 UUID).</param>
/// <param name="Status"><c>pending</c>, <c>anchored</c>, <c>revoked</c> or <c>superseded</c>.</param>
/// <param name="Digest">SHA-256 of the document, lower-case hex.</param>
/// <param name="Reference">The authority's reference.</param>
/// <param name="AcceptedAt">When the API accepted the notice (UTC).</param>
/// <param name="Supersedes">The notice this one replaces, if any.</param>
/// <param name="AnchoredAt">The anchoring block's time, once anchored.</param>
/// <param name="RevocationRequest">The authority's revocation request, if any.</param>
/// <param name="Receipt">The receipt (docs/receipt-format.md), once anchored.</param>
internal sealed record NoticeResponse(
    string Id,
    string Status,
    string Digest,
    string Reference,
    string AcceptedAt,
    string? Supersedes,
    string? AnchoredAt,
    RevocationRequestResponse? RevocationRequest,
    JsonElement? Receipt);

/// <summary>A recorded revocation request.</summary>
/// <param name="Reason">The reason, as in the request.</param>
/// <param name="EffectiveAt">When it takes legal effect (UTC, whole seconds).</param>
/// <param name="RequestedAt">When the API recorded it (UTC).</param>
internal sealed record RevocationRequestResponse(string Reason, string EffectiveAt, string RequestedAt);

/// <summary>The answer to a batch: the notice ids in the order of the request.</summary>
/// <param name="Ids">One id per submitted entry; a digest given twice has the same id twice.</param>
internal sealed record BatchResponse(IReadOnlyList<string> Ids);
