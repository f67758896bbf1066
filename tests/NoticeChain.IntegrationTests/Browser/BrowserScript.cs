using System.Diagnostics;
using System.Text;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Browser;

/// <summary>Runs a browser test script of <c>tests/browser/e2e/</c> with Node, which drives Debian's Chromium through
/// playwright-core from the repository's node_modules.</summary>
public static class BrowserScript
{
    /// <summary>Debian's Chromium; the browser tests never download one.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Fails with what to do when Chromium or playwright-core is missing (scripts/test.sh installs both).</summary>
    public static void AssertInstalled()
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium; scripts/test.sh does this as root).");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Location, "node_modules", "playwright-core", "package.json")),
            "node_modules/playwright-core is missing: run npm ci (scripts/test.sh does).");
    }

    /// <summary>Runs <c>node tests/browser/e2e/<paramref name="script"/> <paramref name="argument"/></c> and returns its exit
    /// code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, string argument)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Location,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryRoot.Location, "tests", "browser", "e2e", script));
        startInfo.ArgumentList.Add(argument);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start node.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within {Timeout.TotalMinutes:0} minutes. Errors:{Environment.NewLine}{errors}");
        }

        // The asynchronous readers finish once the process has exited and its pipes are drained.
        process.WaitForExit();
        return (process.ExitCode, output.ToString(), errors.ToString());
    }
}
