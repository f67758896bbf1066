using NoticeChain.Chain;
using NoticeChain.Core.Notices;
using NoticeChain.IntegrationTests.Chain;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>An authority as the end-to-end tests use it: its id, its on-chain registration and key, and its token.</summary>
public sealed record ApiAuthority(AuthorityId Id, Authority Chain, string Token)
{
    public IssuerId IssuerId => Chain.IssuerId;
}
