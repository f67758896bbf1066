using System.Collections.Concurrent;
using System.Security.Cryptography;
using NoticeChain.Chain.Anchoring;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.IntegrationTests.Anchoring;

/// <summary>Everything an anchoring test runs against: its own Anvil node with a fresh registry, a SQLite store in a
/// temporary file, a keyring, a hand-moved clock, and the events the processors report.</summary>
/// <remarks>
/// Each test gets its own node because the tests stop reaching it, revert it and switch its mining off. The clock
/// is shared by store and processor, as in the host, so a pass can be made to see a batch window elapse.
/// </remarks>
public sealed class AnchoringTestBed : IAsyncDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private readonly AnvilFixture _anvil;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _directory;
    private readonly ConcurrentQueue<AnchoringEvent> _events = new();
    private readonly Dictionary<AuthorityId, Authority> _authorities = [];

    private AnchoringTestBed(AnvilFixture anvil, RegistryTestBed chain, string directory)
    {
        _anvil = anvil;
        Chain = chain;
        _directory = directory;
        DatabasePath = Path.Combine(directory, "noticechain.db");
        Rpc = new EthRpcClient(_http, anvil.Node.RpcUri);
    }

    public AnvilNode Node => _anvil.Node;

    /// <summary>The registry, its governance and helpers to register authorities.</summary>
    public RegistryTestBed Chain { get; }

    public SqliteNoticeStore Store { get; private set; } = null!;

    public string DatabasePath { get; }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryAuthorityKeyring Keyring { get; } = new();

    /// <summary>The processors' client of the node.</summary>
    public EthRpcClient Rpc { get; }

    public IReadOnlyCollection<AnchoringEvent> Events => _events;

    /// <summary>The one lease holder of the bed's processors: a processor made after a simulated crash plays the same
    /// worker, so it does not wait for the crashed one's leases to expire (that is what the two-instance tests test).</summary>
    public LeaseHolderId Holder { get; } = new("anchoring-test-bed");

    public AnchoringOptions Options => new() { Registry = Chain.Registry, BatchWindow = Window, MaxBatchSize = 16, Holder = Holder };

    public static async Task<AnchoringTestBed> StartAsync()
    {
        var anvil = new AnvilFixture();
        await anvil.InitializeAsync();
        RegistryTestBed? chain = null;
        try
        {
            chain = await RegistryTestBed.DeployAsync(anvil);
            var directory = Directory.CreateTempSubdirectory("noticechain-anchoring-").FullName;
            var bed = new AnchoringTestBed(anvil, chain, directory);
            await bed.OpenStoreAsync();
            return bed;
        }
        catch
        {
            chain?.Dispose();
            await anvil.DisposeAsync();
            throw;
        }
    }

    /// <summary>A processor on the bed's store and keyring, reporting into <see cref="Events"/>.</summary>
    public AnchorBatchProcessor NewProcessor(EthRpcClient? rpc = null, AnchoringOptions? options = null) =>
        new(Store, rpc ?? Rpc, Keyring, options ?? Options, Time, _events.Enqueue);

    /// <summary>Drops the store instance and opens the file again, as a restarted process would.</summary>
    public async Task ReopenStoreAsync()
    {
        await Store.DisposeAsync();
        await OpenStoreAsync();
    }

    /// <summary>Registers an authority with a fresh funded key on chain and puts the key into the keyring.</summary>
    public async Task<AuthorityId> AddAuthorityAsync(bool registerOnChain = true)
    {
        Authority authority;
        if (registerOnChain)
        {
            authority = await Chain.RegisterAuthorityAsync();
        }
        else
        {
            var (key, sender) = await Chain.FundedSenderAsync();
            authority = new Authority(RegistryTestBed.RandomIssuerId(), "Unregistered authority", key, sender, Chain.ClientFor(sender));
        }

        var id = new AuthorityId(authority.IssuerId.ToArray());
        _authorities.Add(id, authority);
        Keyring.Set(id, authority.Key);
        return id;
    }

    public Authority ChainAuthority(AuthorityId id) => _authorities[id];

    /// <summary>Accepts <paramref name="count"/> notices of random documents in one submission.</summary>
    public async Task<IReadOnlyList<SubmittedNotice>> SubmitAsync(AuthorityId authority, int count, NoticeId? supersedes = null)
    {
        var submissions = Enumerable.Range(0, count)
            .Select(i => new NewNotice(Digest.Compute(RandomNumberGenerator.GetBytes(64)), NoticeReference.Parse($"BA-2026-{i:D6}"), supersedes))
            .ToList();
        var result = await Store.AcceptManyAsync(authority, submissions);
        Assert.Equal(AcceptOutcome.Accepted, result.Outcome);
        return [.. result.Notices.Select(accepted => new SubmittedNotice(authority, accepted.Notice.Id, accepted.Notice.Digest))];
    }

    /// <summary>Asks <paramref name="done"/>; a read that met Anvil's head race (foundry-rs/foundry#10709) counts as "not yet".</summary>
    private static async Task<bool> DoneAsync(Func<Task<bool>> done)
    {
        try
        {
            return await done();
        }
        catch (EthRpcException error) when (error.Message.StartsWith("BlockOutOfRangeError", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>Runs passes, each after one batch window, until <paramref name="done"/> holds; fails after <paramref name="maxPasses"/>.</summary>
    /// <returns>The results of the passes run.</returns>
    public async Task<IReadOnlyList<AnchoringPassResult>> RunUntilAsync(
        AnchorBatchProcessor processor, Func<Task<bool>> done, int maxPasses = 20)
    {
        var results = new List<AnchoringPassResult>();
        for (var pass = 0; pass < maxPasses; pass++)
        {
            Time.Advance(Window);
            results.Add(await processor.RunOnceAsync());
            if (await DoneAsync(done))
            {
                return results;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Fail($"Not done after {maxPasses} passes. Events:{Environment.NewLine}{string.Join(Environment.NewLine, Events)}");
        return results;
    }

    /// <summary>True when every notice has a receipt.</summary>
    public async Task<bool> AllAnchoredAsync(IEnumerable<SubmittedNotice> notices)
    {
        foreach (var notice in notices)
        {
            if (await Store.GetReceiptAsync(notice.Authority, notice.Id) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks a notice's receipt the way a verifier would: offline against the document's digest, then
    /// against the chain (inclusion, anchor, issuer, key, size, block, transaction).</summary>
    public async Task<Receipt> AssertAnchoredAsync(SubmittedNotice notice)
    {
        var receipt = await Store.GetReceiptAsync(notice.Authority, notice.Id);
        Assert.NotNull(receipt);
        Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(notice.Digest));
        Assert.True(await Chain.Governance.VerifyInclusionAsync(receipt.LeafHash, receipt.Proof, receipt.Root));

        var authority = _authorities[notice.Authority];
        var anchor = await Chain.Governance.GetAnchorAsync(receipt.Root);
        Assert.NotNull(anchor);
        Assert.Equal(authority.IssuerId, anchor.IssuerId);
        Assert.Equal(authority.Address, anchor.Key);
        Assert.Equal(receipt.Proof.TreeSize, anchor.Size);
        Assert.Equal(receipt.Anchor.BlockNumber, anchor.BlockNumber);
        Assert.Equal(anchor.AnchoredAt, receipt.Anchor.AnchoredAt);

        Assert.Equal(notice.Authority, receipt.Anchor.Authority);
        Assert.Equal(authority.Address.ToLowerHex(), receipt.Anchor.AnchoringKey.ToString());
        Assert.Equal(Chain.Registry.ToLowerHex(), receipt.Anchor.Registry.ToString());
        Assert.Equal(Node.ChainId, receipt.Anchor.ChainId);
        var block = await Chain.Rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(receipt.Anchor.BlockNumber));
        Assert.Equal(block!.Hash.ToString(), receipt.Anchor.BlockHash.ToString());
        var transaction = await Chain.Rpc.GetTransactionReceiptAsync(Hash32.Parse(receipt.Anchor.TransactionHash.ToString()));
        Assert.NotNull(transaction);
        Assert.True(transaction.Succeeded);
        Assert.Equal(authority.Address, transaction.From);
        Assert.Equal(block.Hash, transaction.BlockHash);
        return receipt;
    }

    /// <summary>The number of transactions the authority's key has sent, as the chain counts them.</summary>
    public Task<ulong> MinedNonceAsync(AuthorityId authority) =>
        Chain.Rpc.GetTransactionCountAsync(_authorities[authority].Address, BlockParameter.Latest);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Chain.Dispose();
        _http.Dispose();
        await _anvil.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    private async Task OpenStoreAsync() => Store = await SqliteNoticeStore.OpenAsync(DatabasePath, Time);
}
