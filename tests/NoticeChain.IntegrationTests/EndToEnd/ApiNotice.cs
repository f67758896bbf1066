using NoticeChain.Core.Hashing;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>A notice the API accepted: whose it is, the id the API answered, and the document digest sent.</summary>
public sealed record ApiNotice(ApiAuthority Authority, string Id, Digest Digest);
