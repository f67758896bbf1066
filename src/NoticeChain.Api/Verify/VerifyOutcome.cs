using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Verification;

namespace NoticeChain.Api.Verify;

/// <summary>What <see cref="VerificationService"/> found out, before it is written as a <see cref="VerifyAnswer"/>.</summary>
/// <param name="Verification">The verdict, with the receipt and the chain's evidence.</param>
/// <param name="Digest">The digest the question was about, or null (by notice id).</param>
/// <param name="NoticeId">The registered notice the answer is about, when there is one.</param>
/// <param name="Head">The indexed chain head it was checked at, or null while the index is empty.</param>
internal sealed record VerifyOutcome(NoticeVerification Verification, Digest? Digest, NoticeId? NoticeId, ChainCursor? Head);
