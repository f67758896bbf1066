using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;

namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>A notice a test submitted: whose it is, its id, and the digest of its (random) document.</summary>
public sealed record SubmittedNotice(AuthorityId Authority, NoticeId Id, Digest Digest);
