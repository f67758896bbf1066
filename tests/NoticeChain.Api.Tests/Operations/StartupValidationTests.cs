using System.Diagnostics;
using NoticeChain.Api.Hosting;

namespace NoticeChain.Api.Tests.Operations;

/// <summary>A bad environment variable stops the real API process at start with exit code 2 and one line naming the
/// variable, and no stack trace.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("noticechain-api-env-");

    public void Dispose() => _data.Delete(recursive: true);

    public static TheoryData<string, string, string> BadVariables => new()
    {
        { "NOTICECHAIN__Chain__RpcUrl", "not-a-url", "NOTICECHAIN__Chain__RpcUrl: not an absolute http(s) URL" },
        { "NOTICECHAIN__Chain__RpcUrl", "ftp://node.example.org", "NOTICECHAIN__Chain__RpcUrl: not an absolute http(s) URL" },
        { "NOTICECHAIN__Chain__PassInterval", "soon", "NOTICECHAIN__Chain__PassInterval: " },
        { "NOTICECHAIN__Chain__MaxBatchSize", "0", "NOTICECHAIN__Chain__MaxBatchSize: Chain:MaxBatchSize must be between 1 and 65536" },
        { "NOTICECHAIN__Store__Provider", "mysql", "Store:Provider must be one of" },
        { "NOTICECHAIN__Health__MaxFollowerLagBlocks", "0", "NOTICECHAIN__Health__MaxFollowerLagBlocks: Health:MaxFollowerLagBlocks must be at least 1" },
        { "NOTICECHAIN__Shutdown__Timeout", "00:00:00", "NOTICECHAIN__Shutdown__Timeout: Shutdown:Timeout must be between" },
        { "NOTICECHAIN__Logging__Format", "xml", "NOTICECHAIN__Logging__Format: must be 'json' or 'text'" },
        { "NOTICECHAIN__Keys__PassphraseFile", "/nonexistent/passphrase", "NOTICECHAIN__Keys__PassphraseFile: Keys:PassphraseFile names a file that does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadVariables))]
    public async Task A_bad_variable_stops_the_process_with_a_message_naming_it(string variable, string value, string expected)
    {
        var (exitCode, stdout, stderr) = await RunApiAsync(new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, exitCode);
        Assert.StartsWith("NoticeChain API cannot start:", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_is_never_echoed()
    {
        var (exitCode, stdout, stderr) = await RunApiAsync(new Dictionary<string, string>
        {
            ["NOTICECHAIN__Store__ConnectionString"] = "Host=db;Password=hunter2-secret",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("NOTICECHAIN__Store__ConnectionString", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", stderr + stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chain:RpcUrl must be an http(s) URL.", "NOTICECHAIN__Chain__RpcUrl: Chain:RpcUrl must be an http(s) URL.")]
    [InlineData("Data:Folder must not be empty (NOTICECHAIN__Data__Folder or NOTICECHAIN_DATA).", "Data:Folder must not be empty (NOTICECHAIN__Data__Folder or NOTICECHAIN_DATA).")]
    [InlineData("Auth:JwksUrl is 'http://idp.example.org/jwks'; https only", "NOTICECHAIN__Auth__JwksUrl: Auth:JwksUrl is 'http://idp.example.org/jwks'; https only")]
    [InlineData("Production mode needs a source of signing keys: Auth:Authority", "NOTICECHAIN__Auth__Authority: Production mode needs a source of signing keys: Auth:Authority")]
    [InlineData("no setting here, 10:00:00", "no setting here, 10:00:00")]
    public void Each_message_is_prefixed_with_the_variable_of_the_setting_it_names(string line, string named) =>
        Assert.Equal(named, StartupErrors.NameVariable(line));

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunApiAsync(IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(typeof(ApiHost).Assembly.Location);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NOTICECHAIN", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NOTICECHAIN__Urls"] = "http://127.0.0.1:0";
        start.Environment["NOTICECHAIN_DATA"] = _data.FullName;
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
