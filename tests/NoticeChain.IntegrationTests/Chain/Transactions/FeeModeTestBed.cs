using System.Collections.Concurrent;
using System.Security.Cryptography;
using NoticeChain.Chain;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Anchoring;
using NoticeChain.IntegrationTests.Infrastructure;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.IntegrationTests.Chain.Transactions;

/// <summary>A node of its own started with a given fee setup, a registry deployed and governed in one <see cref="FeeMode"/>,
/// a SQLite store, a keyring and a hand-moved clock: anchoring end to end in that mode.</summary>
/// <remarks>
/// On a free chain the governance key is a fresh key that never held Ether, so deploying and registering prove the
/// sender's free mode as the CLI uses it; otherwise it is Anvil's first dev account.
/// </remarks>
public sealed class FeeModeTestBed : IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _directory = Directory.CreateTempSubdirectory("noticechain-fees-").FullName;
    private readonly ConcurrentQueue<AnchoringEvent> _events = new();
    private readonly List<IDisposable> _owned = [];

    private FeeModeTestBed(AnvilNode node, FeeMode mode)
    {
        Node = node;
        Mode = mode;
        Rpc = new EthRpcClient(_http, node.RpcUri);
    }

    public AnvilNode Node { get; }

    public FeeMode Mode { get; }

    public EthRpcClient Rpc { get; }

    public PrivateKey GovernanceKey { get; private set; } = null!;

    public NoticeRegistryClient Governance { get; private set; } = null!;

    public SqliteNoticeStore Store { get; private set; } = null!;

    public ManualTimeProvider Time { get; } = new();

    public InMemoryAuthorityKeyring Keyring { get; } = new();

    public IReadOnlyCollection<AnchoringEvent> Events => _events;

    public AnchoringOptions Options => new()
    {
        Registry = Governance.Address,
        BatchWindow = Window,
        Transactions = new TransactionSenderOptions { FeeMode = Mode },
    };

    /// <summary>Starts the node, deploys the registry with a governance key (without Ether when <paramref name="mode"/> is free).</summary>
    public static async Task<FeeModeTestBed> StartAsync(AnvilNodeOptions node, FeeMode mode)
    {
        var bed = new FeeModeTestBed(await AnvilNode.StartAsync(node), mode);
        try
        {
            bed.GovernanceKey = bed.Own(mode == FeeMode.Free ? PrivateKey.Generate() : PrivateKey.FromHex(AnvilNode.DevAccountPrivateKeys[0]));
            var deployment = await NoticeRegistryClient.DeployAsync(bed.SenderFor(bed.GovernanceKey), RegistryTestBed.CreationCode, bed.GovernanceKey.Address);
            bed.Governance = deployment.Client;
            bed.Store = await SqliteNoticeStore.OpenAsync(Path.Combine(bed._directory, "noticechain.db"), bed.Time);
            return bed;
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
    }

    /// <summary>A sender for <paramref name="key"/> in the bed's mode.</summary>
    public TransactionSender SenderFor(PrivateKey key) =>
        Own(new TransactionSender(Rpc, key, Node.ChainId, new TransactionSenderOptions { FeeMode = Mode, ReceiptPollInterval = TimeSpan.FromMilliseconds(50) }));

    /// <summary>Registers <paramref name="key"/> (the bed keeps it) as a new authority and puts it into the keyring.</summary>
    public async Task<AuthorityId> AddAuthorityAsync(PrivateKey key)
    {
        Own(key);
        var issuerId = RegistryTestBed.RandomIssuerId();
        await Governance.RegisterIssuerAsync(issuerId, "Bauaufsichtsamt Gebührenfrei", key.Address);
        var id = new AuthorityId(issuerId.ToArray());
        Keyring.Set(id, key);
        return id;
    }

    public AnchorBatchProcessor NewProcessor() => new(Store, Rpc, Keyring, Options, Time, _events.Enqueue);

    /// <summary>Accepts <paramref name="count"/> notices of random documents.</summary>
    public async Task<IReadOnlyList<SubmittedNotice>> SubmitAsync(AuthorityId authority, int count)
    {
        var submissions = Enumerable.Range(0, count)
            .Select(i => new NewNotice(Digest.Compute(RandomNumberGenerator.GetBytes(64)), NoticeReference.Parse($"FEE-{i:D4}"), null))
            .ToList();
        var result = await Store.AcceptManyAsync(authority, submissions);
        Assert.Equal(AcceptOutcome.Accepted, result.Outcome);
        return [.. result.Notices.Select(accepted => new SubmittedNotice(authority, accepted.Notice.Id, accepted.Notice.Digest))];
    }

    /// <summary>Runs passes, each after one batch window, until every notice has a receipt; fails after 20 passes.</summary>
    public async Task AnchorAllAsync(AnchorBatchProcessor processor, IReadOnlyList<SubmittedNotice> notices)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            Time.Advance(Window);
            await processor.RunOnceAsync();
            var receipts = await Task.WhenAll(notices.Select(n => Store.GetReceiptAsync(n.Authority, n.Id)));
            if (receipts.All(r => r is not null))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Fail($"Not anchored after 20 passes. Events:{Environment.NewLine}{string.Join(Environment.NewLine, Events)}");
    }

    /// <summary>The mined anchoring transaction of <paramref name="notice"/>, after checking its receipt against the document.</summary>
    public async Task<TransactionInfo> AnchorTransactionAsync(SubmittedNotice notice)
    {
        var receipt = await Store.GetReceiptAsync(notice.Authority, notice.Id);
        Assert.NotNull(receipt);
        Assert.Equal(NoticeChain.Core.Receipts.ReceiptVerificationResult.Verified, receipt.Verify(notice.Digest));
        Assert.NotNull(await Governance.GetAnchorAsync(receipt.Root));
        Assert.Equal(Node.ChainId, receipt.Anchor.ChainId);
        var transaction = await Rpc.GetTransactionByHashAsync(Hash32.Parse(receipt.Anchor.TransactionHash.ToString()));
        Assert.NotNull(transaction);
        return transaction;
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _http.Dispose();
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
