using NoticeChain.Chain;
using NoticeChain.Chain.Following;
using AuthorityId = NoticeChain.Core.Notices.AuthorityId;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;
using NoticeChain.Storage.Sqlite;

namespace NoticeChain.IntegrationTests.Following;

/// <summary>Everything a follower test runs against: its own Anvil node with a fresh registry, and SQLite stores in a
/// temporary folder.</summary>
/// <remarks>Each test gets its own node because the tests revert it to snapshots; the registry's deployment block
/// is the follower's start block, as in the host.</remarks>
public sealed class FollowingTestBed : IAsyncDisposable
{
    private readonly AnvilFixture _anvil;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _directory;
    private readonly List<SqliteNoticeStore> _stores = [];

    private FollowingTestBed(AnvilFixture anvil, RegistryTestBed chain, string directory)
    {
        _anvil = anvil;
        Chain = chain;
        _directory = directory;
        Rpc = new EthRpcClient(_http, anvil.Node.RpcUri);
    }

    public AnvilNode Node => _anvil.Node;

    /// <summary>The registry, its governance and helpers to register authorities and anchor batches.</summary>
    public RegistryTestBed Chain { get; }

    /// <summary>The store the tests follow into; more can be opened with <see cref="OpenStoreAsync"/>.</summary>
    public SqliteNoticeStore Store { get; private set; } = null!;

    /// <summary>The followers' client of the node.</summary>
    public EthRpcClient Rpc { get; }

    public RegistryFollowerOptions Options => new() { Registry = Chain.Registry, StartBlock = Chain.DeploymentReceipt.BlockNumber };

    public static async Task<FollowingTestBed> StartAsync()
    {
        var anvil = new AnvilFixture();
        await anvil.InitializeAsync();
        RegistryTestBed? chain = null;
        try
        {
            chain = await RegistryTestBed.DeployAsync(anvil);
            var directory = Directory.CreateTempSubdirectory("noticechain-following-").FullName;
            var bed = new FollowingTestBed(anvil, chain, directory);
            bed.Store = await bed.OpenStoreAsync("index.db");
            return bed;
        }
        catch
        {
            chain?.Dispose();
            await anvil.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens (or creates) a store in the bed's folder.</summary>
    public async Task<SqliteNoticeStore> OpenStoreAsync(string fileName)
    {
        var store = await SqliteNoticeStore.OpenAsync(Path.Combine(_directory, fileName), TimeProvider.System);
        _stores.Add(store);
        return store;
    }

    /// <summary>A follower of the bed's registry into <paramref name="store"/> (the bed's store when null).</summary>
    public RegistryFollower NewFollower(RegistryFollowerOptions? options = null, SqliteNoticeStore? store = null, EthRpcClient? rpc = null) =>
        new(store ?? Store, rpc ?? Rpc, options ?? Options);

    /// <summary>Mines <paramref name="count"/> empty blocks.</summary>
    public async Task MineAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Node.SendAsync("evm_mine");
        }
    }

    public async Task<ulong> HeadAsync() => await Rpc.BlockNumberAsync();

    /// <summary>Registers two authorities, anchors two batches for the first, revokes one of its notices and supersedes
    /// another, then rotates the second authority's key and retires it: every kind of event the store indexes.</summary>
    public async Task<RegistryHistory> WriteHistoryAsync()
    {
        var active = await Chain.RegisterAuthorityAsync("Bauaufsichtsamt Musterstadt");
        var retired = await Chain.RegisterAuthorityAsync("Ordnungsamt Beispielhausen");
        var first = await RegistryTestBed.AnchorBatchAsync(active, 4);
        var second = await RegistryTestBed.AnchorBatchAsync(active, 2);
        var revocation = await active.Client.RevokeAsync(first.Notice(0), RevocationReason.Withdrawal, RegistryHistory.EffectiveAt);
        var supersession = await active.Client.SupersedeAsync(
            first.Notice(1), second.Notice(0), RevocationReason.Correction, RegistryHistory.EffectiveAt.AddDays(1));
        using var rotatedKey = PrivateKey.Generate();
        var rotation = await Chain.Governance.RotateIssuerKeyAsync(retired.IssuerId, rotatedKey.Address);
        var retirement = await Chain.Governance.RetireIssuerAsync(retired.IssuerId);
        return new RegistryHistory(
            active, retired, first, second, rotatedKey.Address, revocation, supersession, rotation, retirement);
    }

    public static AuthorityId AuthorityOf(Authority authority) => new(authority.IssuerId.ToArray());

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

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
}
