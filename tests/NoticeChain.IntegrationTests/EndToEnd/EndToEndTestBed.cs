using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NoticeChain.Auth;
using NoticeChain.Chain.Events;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Keystore;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.IntegrationTests.Chain;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>One end-to-end scenario: a registry on the class's Anvil node, authorities registered on chain with
/// keystores in a temporary data folder, the real API process on that folder, and an HTTP client that talks to it
/// with dev tokens bound to each authority.</summary>
/// <remarks>
/// Everything the service is given comes from where an operator would put it (keystores in
/// <c>keys/authorities</c>, the passphrase in a file, settings as NOTICECHAIN_* variables), and everything asserted is
/// read back through the public API and the chain, so the tests see what a client and an auditor would see.
/// </remarks>
public sealed class EndToEndTestBed : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly DevSigningKey _signingKey;
    private readonly DevTokenMinter _minter;
    private readonly string _passphrase = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private EndToEndTestBed(RegistryTestBed chain, string dataFolder)
    {
        Chain = chain;
        DataFolder = dataFolder;
        Directory.CreateDirectory(KeyFolder);
        PassphraseFile = Path.Combine(DataFolder, "keys", "dev-passphrase");
        File.WriteAllText(PassphraseFile, _passphrase);
        _signingKey = DevSigningKey.LoadOrCreate(DevTokenDefaults.KeyFileIn(DataFolder));
        _minter = new DevTokenMinter(_signingKey, TimeProvider.System);
    }

    /// <summary>The registry, its governance and the node.</summary>
    public RegistryTestBed Chain { get; }

    /// <summary>The node's RPC client for the tests' own checks.</summary>
    public EthRpcClient Rpc => Chain.Rpc;

    public string DataFolder { get; }

    public string KeyFolder => Path.Combine(DataFolder, "keys", "authorities");

    public string PassphraseFile { get; }

    /// <summary>The running API, once <see cref="StartApiAsync"/> was called.</summary>
    public ApiProcess Api { get; private set; } = null!;

    public static async Task<EndToEndTestBed> DeployAsync(AnvilFixture anvil)
    {
        var chain = await RegistryTestBed.DeployAsync(anvil);
        var folder = Directory.CreateTempSubdirectory("noticechain-e2e-").FullName;
        return new EndToEndTestBed(chain, folder);
    }

    /// <summary>Registers an authority with a fresh funded key on chain, stores its keystore where the API looks for it
    /// and mints a <c>notices:write</c> token bound to it.</summary>
    public async Task<ApiAuthority> AddAuthorityAsync()
    {
        var authority = await Chain.RegisterAuthorityAsync();
        var id = new AuthorityId(authority.IssuerId.ToArray());
        var keystore = Web3Keystore.Encrypt(authority.Key, _passphrase, ScryptCost.Light);
        await File.WriteAllTextAsync(Path.Combine(KeyFolder, id + ".json"), keystore.ToJson());
        var token = _minter.Mint(new DevTokenRequest(id, [TokenScopes.NoticesWrite], Governance: false, TimeSpan.FromHours(2)));
        return new ApiAuthority(id, authority, token);
    }

    /// <summary>Starts the API with short batch windows; <paramref name="settings"/> add to or override the defaults.</summary>
    public async Task StartApiAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NOTICECHAIN__Chain__RpcUrl"] = Chain.Node.RpcUri.ToString(),
            ["NOTICECHAIN__Chain__Registry"] = Chain.Registry.ToString(),
            ["NOTICECHAIN__Chain__StartBlock"] = Chain.DeploymentReceipt.BlockNumber.ToString(CultureInfo.InvariantCulture),
            ["NOTICECHAIN__Chain__BatchWindow"] = "00:00:00.500",
            ["NOTICECHAIN__Chain__PassInterval"] = "00:00:00.200",
            ["NOTICECHAIN__Keys__PassphraseFile"] = PassphraseFile,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        Api = await ApiProcess.StartAsync(DataFolder, all);
    }

    /// <summary>Submits <paramref name="count"/> notices of random documents through <c>POST /api/v1/notices/batch</c>,
    /// in requests of at most <paramref name="chunk"/> entries, and asserts each request is accepted (202).</summary>
    public async Task<IReadOnlyList<ApiNotice>> SubmitAsync(ApiAuthority authority, int count, int chunk = 1_000)
    {
        var notices = new List<ApiNotice>(count);
        for (var start = 0; start < count; start += chunk)
        {
            var digests = Enumerable.Range(start, Math.Min(chunk, count - start))
                .Select(i => (Index: i, Digest: Digest.Compute(RandomNumberGenerator.GetBytes(48))))
                .ToList();
            var body = JsonSerializer.Serialize(new
            {
                notices = digests.Select(d => new { digest = d.Digest.ToString(), reference = $"E2E-{d.Index:D6}" }),
            });
            using var request = Request(HttpMethod.Post, "api/v1/notices/batch", authority);
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Batch answered {(int)response.StatusCode}: {text}");
            using var document = JsonDocument.Parse(text);
            var ids = document.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(digests.Count, ids.Count);
            notices.AddRange(digests.Select((d, i) => new ApiNotice(authority, ids[i], d.Digest)));
        }

        return notices;
    }

    /// <summary>The notice's <c>status</c> as <c>GET /api/v1/notices/{id}</c> answers it.</summary>
    public async Task<string> StatusAsync(ApiNotice notice)
    {
        using var request = Request(HttpMethod.Get, $"api/v1/notices/{notice.Id}", notice.Authority);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET notice answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>The notice's receipt, or <see langword="null"/> while it is not anchored (409).</summary>
    public async Task<Receipt?> ReceiptAsync(ApiNotice notice)
    {
        using var request = Request(HttpMethod.Get, $"api/v1/notices/{notice.Id}/receipt", notice.Authority);
        using var response = await _http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET receipt answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return Receipt.Parse(bytes);
    }

    /// <summary>Waits until every notice has a receipt and returns them by notice id; fails after <paramref name="timeout"/>.</summary>
    /// <remarks>
    /// Each round first asks for the most recently submitted pending notice, which is anchored last in the normal
    /// course; only once it has a receipt are all pending notices fetched, so waiting does not flood the API.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, Receipt>> WaitForReceiptsAsync(IReadOnlyList<ApiNotice> notices, TimeSpan timeout)
    {
        var receipts = new ConcurrentDictionary<string, Receipt>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var pending = notices.Where(n => !receipts.ContainsKey(n.Id)).ToList();
            if (pending.Count == 0)
            {
                return receipts;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"{pending.Count} of {notices.Count} notices not anchored after {timeout.TotalSeconds:0} s. API output:{Environment.NewLine}{Api.RecentOutput}");
            }

            if (await ReceiptAsync(pending[^1]) is { } last)
            {
                receipts[pending[^1].Id] = last;
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (notice, _) =>
                {
                    if (await ReceiptAsync(notice) is { } receipt)
                    {
                        receipts[notice.Id] = receipt;
                    }
                });
            }
            else
            {
                await Task.Delay(PollInterval);
            }
        }
    }

    /// <summary>Asserts that each receipt verifies with the Core verifier for its notice's digest and names the
    /// notice's authority, this chain and this registry.</summary>
    public void AssertReceiptsVerify(IReadOnlyList<ApiNotice> notices, IReadOnlyDictionary<string, Receipt> receipts)
    {
        var registry = Chain.Registry.ToString().ToUpperInvariant();
        foreach (var notice in notices)
        {
            var receipt = receipts[notice.Id];
            Assert.Equal(notice.Digest, receipt.Digest);
            Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(notice.Digest));
            Assert.Equal(notice.Authority.Id, receipt.Anchor.Authority);
            Assert.Equal(Chain.Node.ChainId, receipt.Anchor.ChainId);
            Assert.Equal(registry, receipt.Anchor.Registry.ToString().ToUpperInvariant());
            Assert.Equal(notice.Authority.Chain.Address.ToString().ToUpperInvariant(), receipt.Anchor.AnchoringKey.ToString().ToUpperInvariant());
        }
    }

    /// <summary>Every <c>Anchored</c> event of the registry since its deployment.</summary>
    public async Task<IReadOnlyList<RootAnchored>> AnchoredEventsAsync()
    {
        var reader = new RegistryEventReader(Rpc, Chain.Registry);
        var latest = await Rpc.BlockNumberAsync();
        var events = await reader.ReadAsync(Chain.DeploymentReceipt.BlockNumber, latest);
        return [.. events.OfType<RootAnchored>()];
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        _signingKey.Dispose();
        _http.Dispose();
        Chain.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is left for the system to clean up.
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, ApiAuthority authority)
    {
        var request = new HttpRequestMessage(method, new Uri(Api.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authority.Token);
        return request;
    }

    /// <summary>Waits until the authority's key has a broadcast transaction that is not yet mined, at most
    /// <paramref name="timeout"/>; returns how many it has (zero when none was seen in time: a kill then falls between
    /// transactions, which a test's assertions must survive just the same).</summary>
    public async Task<ulong> WaitForTransactionInPoolAsync(ApiAuthority authority, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mined = await Rpc.GetTransactionCountAsync(authority.Chain.Address, BlockParameter.Latest);
            var pending = await Rpc.GetTransactionCountAsync(authority.Chain.Address, BlockParameter.Pending);
            if (pending > mined || clock.Elapsed > timeout)
            {
                return pending - mined;
            }

            await Task.Delay(20);
        }
    }
}
