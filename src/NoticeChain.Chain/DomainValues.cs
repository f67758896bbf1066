using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain;

/// <summary>Byte copies between the domain's chain values (<see cref="ChainHash"/>, <see cref="ChainAddress"/>)
/// and the Ethereum layer's and the registry's (<see cref="Hash32"/>, <see cref="Address"/>, <see cref="IssuerId"/>), which hold the same bytes.</summary>
internal static class DomainValues
{
    public static ChainHash ToChainHash(Hash32 hash)
    {
        Span<byte> bytes = stackalloc byte[Hash32.Size];
        hash.CopyTo(bytes);
        return new ChainHash(bytes);
    }

    public static Hash32 ToHash32(ChainHash hash)
    {
        Span<byte> bytes = stackalloc byte[ChainHash.Size];
        hash.CopyTo(bytes);
        return new Hash32(bytes);
    }

    public static ChainAddress ToChainAddress(Address address)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        address.CopyTo(bytes);
        return new ChainAddress(bytes);
    }

    public static AuthorityId ToAuthorityId(IssuerId issuerId)
    {
        Span<byte> bytes = stackalloc byte[IssuerId.Size];
        issuerId.CopyTo(bytes);
        return new AuthorityId(bytes);
    }

    public static Address ToAddress(ChainAddress address)
    {
        Span<byte> bytes = stackalloc byte[ChainAddress.Size];
        address.CopyTo(bytes);
        return new Address(bytes);
    }
}
