using System.Text.Json;

namespace NoticeChain.Api.Verify;

/// <summary>The verify answer (docs/verify-api.md): every member is always written, null when it does not apply.</summary>
/// <param name="Digest">The document's SHA-256 the answer is about (lower-case hex); null for the answer by notice id.</param>
/// <param name="Status"><c>authentic</c>, <c>revoked</c>, <c>superseded</c>, <c>pending</c> or <c>unknown</c>.</param>
/// <param name="Finding">Why a <c>pending</c> or <c>unknown</c> answer is what it is (<c>not-registered</c>, …), else null.</param>
/// <param name="NoticeId">The registered notice the answer is about, when the service knows it.</param>
/// <param name="Authority">The issuing authority as the chain describes it, when the chain confirms the anchor.</param>
/// <param name="AnchoredAt">The anchoring block's time, from the chain.</param>
/// <param name="BlockNumber">The anchoring block, from the chain.</param>
/// <param name="TransactionHash">The anchoring transaction, from the chain.</param>
/// <param name="ChainId">The network's chain id (configuration).</param>
/// <param name="Registry">The registry the answer was checked against (configuration); null when none is configured.</param>
/// <param name="Revocation">The revocation on chain, for <c>revoked</c>.</param>
/// <param name="Supersession">The supersession on chain, for <c>superseded</c>.</param>
/// <param name="Receipt">The receipt that was checked, exactly in receipt format v1; null by notice id.</param>
/// <param name="CheckedAgainstChain">False only while the chain index is empty.</param>
/// <param name="ChainHead">The indexed chain head the answer was checked at, or null while the index is empty.</param>
internal sealed record VerifyAnswer(
    string? Digest,
    string Status,
    string? Finding,
    string? NoticeId,
    AuthorityAnswer? Authority,
    string? AnchoredAt,
    ulong? BlockNumber,
    string? TransactionHash,
    ulong ChainId,
    string? Registry,
    RevocationAnswer? Revocation,
    SupersessionAnswer? Supersession,
    JsonElement? Receipt,
    bool CheckedAgainstChain,
    ChainHeadAnswer? ChainHead);

/// <summary>An authority as the registry describes it.</summary>
/// <param name="Id">Its issuer id, <c>0x</c> and 64 hex digits.</param>
/// <param name="Name">Its registered display name.</param>
/// <param name="RetiredAt">When it was retired (no new anchors; old ones stay valid), or null.</param>
internal sealed record AuthorityAnswer(string Id, string Name, string? RetiredAt);

/// <summary>A revocation on chain.</summary>
/// <param name="Reason"><c>withdrawal</c>, <c>revocation</c>, <c>correction</c>, <c>nullity</c> or <c>other</c>.</param>
/// <param name="EffectiveAt">When it takes legal effect, as the authority declared it.</param>
/// <param name="RevokedAt">The revoking block's time.</param>
internal sealed record RevocationAnswer(string Reason, string EffectiveAt, string RevokedAt);

/// <summary>A supersession on chain.</summary>
/// <param name="Reason">As for a revocation.</param>
/// <param name="EffectiveAt">When it takes legal effect, as the authority declared it.</param>
/// <param name="SupersededAt">The superseding block's time.</param>
/// <param name="NewLeaf">The replacing notice's leaf hash.</param>
/// <param name="NewRoot">The root the replacing notice was proven against.</param>
/// <param name="NewAnchoredAt">When that root was anchored, or null if the index does not show it.</param>
internal sealed record SupersessionAnswer(string Reason, string EffectiveAt, string SupersededAt, string NewLeaf, string NewRoot, string? NewAnchoredAt);

/// <summary>The chain head an answer was checked at.</summary>
/// <param name="BlockNumber">The last block the chain index covers.</param>
/// <param name="BlockHash">Its hash.</param>
internal sealed record ChainHeadAnswer(ulong BlockNumber, string BlockHash);

/// <summary>The batch answer: one answer per digest, in the order of the request.</summary>
/// <param name="Results">The answers.</param>
internal sealed record VerifyBatchResponse(IReadOnlyList<VerifyAnswer> Results);
