using NoticeChain.Chain;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>A registered authority of a <see cref="RegistryTestBed"/>: its id, key and a client that sends with its key.</summary>
public sealed record Authority(IssuerId IssuerId, string Name, PrivateKey Key, TransactionSender Sender, NoticeRegistryClient Client)
{
    /// <summary>The address of the authority's key.</summary>
    public Address Address => Key.Address;
}
