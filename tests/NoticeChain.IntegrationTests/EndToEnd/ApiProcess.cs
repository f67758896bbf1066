using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.EndToEnd;

/// <summary>The real NoticeChain API (<c>dotnet NoticeChain.Api.dll</c>) as a separate operating system process on a free
/// loopback port, with a data folder and settings given as environment variables.</summary>
/// <remarks>
/// A separate process is the only way to test what a crash does: SIGKILL ends it without any of its shutdown code,
/// exactly as a power cut or the OOM killer would. The process is configured the way scripts/api.sh configures it
/// (NOTICECHAIN_* variables), can be killed and started again on the same data folder, and keeps its recent output
/// so a failing test shows what the API said.
/// </remarks>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly BoundedOutput _output = new(headLines: 100, tailLines: 300);
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly EventHandler _killOnHostExit;
    private Process? _process;

    private ApiProcess(string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        DataFolder = dataFolder;
        _settings = settings;
        _killOnHostExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnHostExit;
    }

    /// <summary>The data folder: database, dev signing key, keystores.</summary>
    public string DataFolder { get; }

    /// <summary>The base address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The operating system id of the running API process.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The API is not running.");

    /// <summary>The exit code of the last run once the process has ended by itself or was stopped; null while it runs.</summary>
    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    /// <summary>What the API wrote to stdout and stderr over all its runs.</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>The built API assembly, in the in-place layout (src/NoticeChain.Api/bin/&lt;Configuration&gt;/net10.0) or
    /// beside the test assembly under an artifacts path (&lt;artifacts&gt;/bin/NoticeChain.Api/&lt;configuration&gt;).</summary>
    public static string AssemblyPath { get; } = LocateAssembly();

    /// <summary>Starts the API on <paramref name="dataFolder"/> with <paramref name="settings"/> (environment variables
    /// such as <c>NOTICECHAIN__Chain__RpcUrl</c>) and waits until <c>/health/live</c> answers.</summary>
    public static async Task<ApiProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        var api = new ApiProcess(dataFolder, settings);
        try
        {
            await api.LaunchAsync();
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process with SIGKILL (no shutdown code runs) and waits until it is gone.</summary>
    public async Task KillHardAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The API is not running.");
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
        _output.Add("---- killed with SIGKILL ----");
    }

    /// <summary>Sends SIGTERM, as an orchestrator stops a container, and waits at most <paramref name="timeout"/> for the
    /// process to exit; returns its exit code.</summary>
    public async Task<int> StopGracefullyAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("The API is not running.");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        var exitCode = process.ExitCode;
        process.Dispose();
        _process = null;
        _output.Add("---- stopped with SIGTERM ----");
        return exitCode;
    }

    /// <summary>Starts the API again on the same data folder and settings (on a new free port).</summary>
    public Task RestartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The API is still running; kill it first.");
        }

        return LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _killOnHostExit;
        if (_process is { } process)
        {
            Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGKILL was sent; a process that survives it for 10 s is beyond the test's reach.
            }

            process.Dispose();
            _process = null;
        }

        _probe.Dispose();
    }

    private async Task LaunchAsync()
    {
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("NOTICECHAIN", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["NOTICECHAIN_DATA"] = DataFolder;
        startInfo.Environment["NOTICECHAIN__Urls"] = BaseAddress.ToString().TrimEnd('/');
        startInfo.Environment["NOTICECHAIN__Auth__Mode"] = "Development";
        foreach (var (name, value) in _settings)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start dotnet {AssemblyPath}.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilLiveAsync(process);
    }

    private async Task WaitUntilLiveAsync(Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The API exited with code {process.ExitCode} during start. Output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await _probe.GetAsync(new Uri(BaseAddress, "health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException(
            $"The API did not answer {BaseAddress}health/live within {StartupTimeout.TotalSeconds:0} s. Output:{Environment.NewLine}{RecentOutput}");
    }

    private void Kill()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    private static string LocateAssembly()
    {
        const string FileName = "NoticeChain.Api.dll";
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var candidates = new List<string>();

        // Artifacts layout: <artifacts>/bin/NoticeChain.IntegrationTests/<configuration> beside <artifacts>/bin/NoticeChain.Api/<configuration>.
        if (testOutput.Parent?.Parent is { } artifactsBin)
        {
            candidates.Add(Path.Combine(artifactsBin.FullName, "NoticeChain.Api", testOutput.Name, FileName));
        }

        // In-place layout: tests/NoticeChain.IntegrationTests/bin/<Configuration>/<tfm>.
        if (testOutput.Parent is { } configuration)
        {
            candidates.Add(Path.Combine(RepositoryRoot.Location, "src", "NoticeChain.Api", "bin", configuration.Name, testOutput.Name, FileName));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The API is not built: none of {string.Join(", ", candidates)} exists (the test project builds it through its project reference).");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
