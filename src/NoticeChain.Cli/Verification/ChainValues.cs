using NoticeChain.Chain;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using ChainReason = NoticeChain.Chain.RevocationReason;
using DomainReason = NoticeChain.Core.Notices.RevocationReason;

namespace NoticeChain.Cli.Verification;

/// <summary>Byte copies between the registry binding's values and the domain's, which hold the same bytes.</summary>
internal static class ChainValues
{
    public static AuthorityId Authority(IssuerId issuerId) => new(issuerId.ToArray());

    public static IssuerId Issuer(AuthorityId authority) => new(authority.ToArray());

    public static ChainAddress Address(Address address) => new(address.ToArray());

    public static Address Address(ChainAddress address) => new(address.ToArray());

    public static ChainHash Hash(Hash32 hash) => new(hash.ToArray());

    public static Hash32 Topic(ReadOnlySpan<byte> value32) => new(value32);

    /// <remarks>Both enums carry the contract's <c>uint8</c> codes, so the cast keeps the meaning.</remarks>
    public static DomainReason Reason(ChainReason reason) => (DomainReason)(int)reason;
}
