using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>A fresh Anvil dev chain on a free loopback port, owned by one test fixture.</summary>
/// <remarks>
/// Integration tests run against the real node the project develops on (Anvil from the pinned npm package),
/// never a mock. Each node starts empty, keeps nothing on disk (<c>--prune-history</c>, so no state files pile
/// up under ~/.foundry/anvil/tmp), uses the hardfork the contracts are compiled for, and is killed with its
/// whole process tree on dispose. Its recent output is kept so a failing start says why.
/// </remarks>
public sealed class AnvilNode : IAsyncDisposable
{
    /// <summary>Anvil's default chain id.</summary>
    public const ulong DefaultChainId = 31337;

    private const int MaxPortAttempts = 3;

    private readonly Process _process;
    private readonly BoundedOutput _output;
    private readonly HttpClient _http;
    private readonly EventHandler _killOnHostExit;
    private int _requestId;
    private int _disposed;
    private bool _exitedOnDispose;

    private AnvilNode(Process process, BoundedOutput output, Uri rpcUri, ulong chainId, string hardfork)
    {
        _process = process;
        _output = output;
        RpcUri = rpcUri;
        ChainId = chainId;
        Hardfork = hardfork;
        ProcessId = process.Id;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _killOnHostExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnHostExit;
    }

    /// <summary>The private keys of Anvil's ten dev accounts (mnemonic "test test … junk", m/44'/60'/0'/0/i).</summary>
    /// <remarks>Public, well-known test data: these keys must never hold value on a real network.</remarks>
    public static IReadOnlyList<string> DevAccountPrivateKeys { get; } =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
        "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
        "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
        "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    ];

    /// <summary>The EIP-55 addresses of <see cref="DevAccountPrivateKeys"/>, in the same order.</summary>
    public static IReadOnlyList<string> DevAccountAddresses { get; } =
    [
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
        "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
        "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
        "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
        "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
        "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
        "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
        "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
    ];

    /// <summary>The HTTP JSON-RPC endpoint, e.g. http://127.0.0.1:40123/.</summary>
    public Uri RpcUri { get; }

    /// <summary>The chain id the node was started with and answered.</summary>
    public ulong ChainId { get; }

    /// <summary>The hardfork the node runs.</summary>
    public string Hardfork { get; }

    /// <summary>The operating system id of the Anvil process.</summary>
    public int ProcessId { get; }

    /// <summary>Whether the Anvil process has exited.</summary>
    public bool HasExited => Volatile.Read(ref _disposed) != 0 ? _exitedOnDispose : _process.HasExited;

    /// <summary>What Anvil wrote to stdout and stderr: the start-up banner and the most recent lines.</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>Starts a node and waits until it answers <c>eth_chainId</c> with the requested chain id.</summary>
    /// <exception cref="InvalidOperationException">Anvil is missing, exited, or did not answer in time; the message holds its output.</exception>
    public static async Task<AnvilNode> StartAsync(AnvilNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilNodeOptions();
        var hardfork = options.Hardfork ?? CompilerRecipe.Load().EvmVersion;
        var executable = FindExecutable();
        for (var attempt = 1; ; attempt++)
        {
            var node = Launch(executable, options.Port ?? FreeLoopbackPort(), options, hardfork);
            try
            {
                await node.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken);
                return node;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The free port can be taken between probing and binding; only that case is worth a retry.
                var portTaken = node.HasExited && node.RecentOutput.Contains("in use", StringComparison.OrdinalIgnoreCase);
                await node.DisposeAsync();
                if (!portTaken || attempt == MaxPortAttempts || options.Port is not null)
                {
                    throw;
                }
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Sends one JSON-RPC request and returns its <c>result</c>. For fixture checks and diagnostics; the code
    /// under test talks to the node through its own client.
    /// </summary>
    /// <param name="method">The method, e.g. <c>eth_blockNumber</c>.</param>
    /// <param name="parametersJson">The <c>params</c> array as JSON text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="AnvilRpcException">The node answered with a JSON-RPC error.</exception>
    public async Task<JsonElement> SendAsync(string method, string parametersJson = "[]", CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _requestId);
        var body = $$"""{"jsonrpc":"2.0","id":{{id}},"method":{{JsonSerializer.Serialize(method)}},"params":{{parametersJson}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(RpcUri, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new AnvilRpcException(
                method,
                error.TryGetProperty("code", out var code) ? code.GetInt64() : 0,
                error.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : error.GetRawText());
        }

        return document.RootElement.GetProperty("result").Clone();
    }

    /// <summary>Kills Anvil and its process tree and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnHostExit;
        Kill();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
                _exitedOnDispose = true;
            }
            catch (OperationCanceledException)
            {
                // The kill signal was sent; a process that ignores SIGKILL for 10 s is beyond the test's reach.
            }
        }

        _process.Dispose();
        _http.Dispose();
    }

    private static AnvilNode Launch(string executable, int port, AnvilNodeOptions options, string hardfork)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Location,
        };
        string[] arguments =
        [
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", options.ChainId.ToString(CultureInfo.InvariantCulture),
            "--hardfork", hardfork,
            "--prune-history",
            "--color", "never",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.BlockTimeSeconds is { } blockTime)
        {
            startInfo.ArgumentList.Add("--block-time");
            startInfo.ArgumentList.Add(blockTime.ToString(CultureInfo.InvariantCulture));
        }

        if (options.BaseFeePerGas is { } baseFee)
        {
            startInfo.ArgumentList.Add("--block-base-fee-per-gas");
            startInfo.ArgumentList.Add(baseFee.ToString(CultureInfo.InvariantCulture));
        }

        if (options.GasPrice is { } gasPrice)
        {
            startInfo.ArgumentList.Add("--gas-price");
            startInfo.ArgumentList.Add(gasPrice.ToString(CultureInfo.InvariantCulture));
        }

        var output = new BoundedOutput(headLines: 100, tailLines: 200);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {executable}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AnvilNode(process, output, new Uri($"http://127.0.0.1:{port}/"), options.ChainId, hardfork);
    }

    private async Task WaitUntilReadyAsync(TimeSpan startupTimeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        Exception? lastError = null;
        while (deadline.Elapsed < startupTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Anvil exited with code {_process.ExitCode} before answering on {RpcUri}. Output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                var answer = await SendAsync("eth_chainId", "[]", attempt.Token);
                var chainId = ulong.Parse(answer.GetString().AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (chainId != ChainId)
                {
                    throw new InvalidOperationException($"Anvil on {RpcUri} answered chain id {chainId}, expected {ChainId}.");
                }

                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lastError = exception;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException(
            $"Anvil did not answer eth_chainId on {RpcUri} within {startupTimeout.TotalSeconds:0} s ({lastError?.Message}). Output:{Environment.NewLine}{RecentOutput}");
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    /// <summary>
    /// The platform binary of the pinned package, started directly so the process we kill is Anvil itself;
    /// node_modules/.bin/anvil (a node wrapper that forwards signals) is the fallback.
    /// </summary>
    private static string FindExecutable()
    {
        var nodeModules = Path.Combine(RepositoryRoot.Location, "node_modules");
        var platform = OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var architecture = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        var binaryName = OperatingSystem.IsWindows() ? "anvil.exe" : "anvil";
        string[] candidates =
        [
            Path.Combine(nodeModules, "@foundry-rs", $"anvil-{platform}-{architecture}", "bin", binaryName),
            Path.Combine(nodeModules, ".bin", binaryName),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Anvil is not installed ({string.Join(", ", candidates)} missing): run 'npm ci' in {RepositoryRoot.Location}.");
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
