using System.Numerics;
using NoticeChain.Chain;
using NoticeChain.Chain.Transactions;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>A freshly deployed registry on the shared Anvil node, its governance, and helpers that add funded
/// keys, registered authorities and anchored batches.</summary>
/// <remarks>
/// Every test deploys its own registry (one transaction), so tests share the node but never each other's
/// authorities, keys or roots. Keys are generated per test and funded from Anvil's first dev account; the
/// classes of the "anvil" collection run one at a time, so that account's nonce is never raced.
/// </remarks>
public sealed class RegistryTestBed : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MiningTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly List<IDisposable> _owned = [];
    private int _authorityCount;

    private RegistryTestBed(AnvilNode node, HttpClient http)
    {
        Node = node;
        _http = http;
        Rpc = new EthRpcClient(http, node.RpcUri);
    }

    /// <summary>The Anvil node.</summary>
    public AnvilNode Node { get; }

    /// <summary>A client of the node.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>The registry, sending as governance.</summary>
    public NoticeRegistryClient Governance { get; private set; } = null!;

    /// <summary>The governance key.</summary>
    public PrivateKey GovernanceKey { get; private set; } = null!;

    /// <summary>The deployment receipt.</summary>
    public TransactionReceipt DeploymentReceipt { get; private set; } = null!;

    /// <summary>The registry's address.</summary>
    public Address Registry => Governance.Address;

    /// <summary>The creation code of contracts/NoticeRegistry.sol, as built for the tests.</summary>
    public static ReadOnlyMemory<byte> CreationCode { get; } = ContractArtifact.Load("NoticeRegistry").Bytecode;

    /// <summary>Deploys a registry whose governance is a fresh funded key.</summary>
    public static async Task<RegistryTestBed> DeployAsync(AnvilFixture fixture)
    {
        var bed = new RegistryTestBed(fixture.Node, new HttpClient { Timeout = TimeSpan.FromSeconds(60) });
        try
        {
            var (key, sender) = await bed.FundedSenderAsync();
            var deployment = await NoticeRegistryClient.DeployAsync(sender, CreationCode, key.Address);
            bed.GovernanceKey = key;
            bed.Governance = deployment.Client;
            bed.DeploymentReceipt = deployment.Receipt;
            return bed;
        }
        catch
        {
            bed.Dispose();
            throw;
        }
    }

    /// <summary>A new key holding 2 ether, and a sender for it.</summary>
    public async Task<(PrivateKey Key, TransactionSender Sender)> FundedSenderAsync()
    {
        var key = Own(PrivateKey.Generate());
        await FundAsync(key.Address);
        var sender = Own(new TransactionSender(Rpc, key, Node.ChainId, new TransactionSenderOptions { ReceiptPollInterval = PollInterval }));
        return (key, sender);
    }

    /// <summary>A client of this registry sending with <paramref name="sender"/>.</summary>
    public NoticeRegistryClient ClientFor(TransactionSender sender) => Governance.WithSender(sender);

    /// <summary>Registers an authority with a fresh funded key and a random id.</summary>
    public async Task<Authority> RegisterAuthorityAsync(string? name = null)
    {
        var (key, sender) = await FundedSenderAsync();
        var issuerId = RandomIssuerId();
        name ??= $"Bauaufsichtsamt Musterstadt {Interlocked.Increment(ref _authorityCount)}";
        await Governance.RegisterIssuerAsync(issuerId, name, key.Address);
        return new Authority(issuerId, name, key, sender, ClientFor(sender));
    }

    /// <summary>Builds a batch of random notices and anchors it for <paramref name="authority"/>.</summary>
    public static async Task<NoticeBatch> AnchorBatchAsync(Authority authority, int size)
    {
        var batch = NoticeBatch.Random(size);
        await authority.Client.AnchorAsync(batch.Root, batch.Size);
        return batch;
    }

    /// <summary>The time of a block.</summary>
    public async Task<DateTimeOffset> BlockTimeAsync(ulong blockNumber)
    {
        var block = await Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(blockNumber));
        return block!.Time;
    }

    /// <summary>A random 32-byte issuer id, as a hash of an official authority code would look.</summary>
    public static IssuerId RandomIssuerId() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(IssuerId.Size));

    /// <summary>Sends 2 ether from Anvil's first dev account.</summary>
    /// <remarks>
    /// <para>
    /// 2 ether covers the most a sender can ever commit to one transaction (a 2.1 M gas deployment at the
    /// default fee cap of 500 gwei is 1.05 ether), while the dev account's 10,000 ether, shared by every test
    /// class of the collection, last for thousands of keys.
    /// </para>
    /// <para>
    /// EIP-1559 with the node's suggested tip, like every other transaction of these tests: a legacy gas price
    /// above the suggestion would raise Anvil's next tip suggestion, and the fees of later tests with it.
    /// </para>
    /// </remarks>
    public async Task FundAsync(Address recipient)
    {
        using var faucet = PrivateKey.FromHex(AnvilNode.DevAccountPrivateKeys[0]);
        using var faucetSender = new TransactionSender(Rpc, faucet, Node.ChainId);
        var fees = await faucetSender.EstimateFeesAsync();
        var transaction = new Eip1559Transaction
        {
            ChainId = Node.ChainId,
            Nonce = await Rpc.GetTransactionCountAsync(faucet.Address),
            MaxFeePerGas = fees.MaxFeePerGas,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            GasLimit = 21_000,
            To = recipient,
            Value = 2 * BigInteger.Pow(10, 18),
        };
        var hash = await Rpc.SendRawTransactionAsync(transaction.Sign(faucet).ToArray());
        var receipt = await Rpc.WaitForReceiptAsync(hash, PollInterval, MiningTimeout);
        Assert.True(receipt.Succeeded);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _http.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
