using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NoticeChain.Auth;
using NoticeChain.Core.Hashing;
using NoticeChain.IntegrationTests.EndToEnd;
using NoticeChain.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NoticeChain.IntegrationTests.Browser;

/// <summary>The citizen page in real Chromium against the real API process, Anvil and registry: PDFs anchored,
/// revoked, superseded and of a retired authority, checked the way a citizen checks them.</summary>
/// <remarks>
/// The C# side prepares the chain state through the public API and waits until the verify API reports it; the
/// browser side (tests/browser/e2e/verify-page.mjs) drives the page and reports what it saw and every request the
/// page made. Screenshots of each state go to artifacts/screenshots/verify-page/.
/// </remarks>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class CitizenPageBrowserTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan ChainTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_citizen_checks_anchored_revoked_superseded_and_altered_PDFs_in_the_browser_without_sending_them()
    {
        BrowserScript.AssertInstalled();
        await using var bed = await EndToEndTestBed.DeployAsync(anvil);
        var authority = await bed.AddAuthorityAsync();
        var retiring = await bed.AddAuthorityAsync();
        await bed.StartApiAsync();
        using var http = new HttpClient { BaseAddress = bed.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var signingKey = DevSigningKey.LoadOrCreate(DevTokenDefaults.KeyFileIn(bed.DataFolder));
        var minter = new DevTokenMinter(signingKey, TimeProvider.System);
        string TokenFor(ApiAuthority a) => minter.Mint(new DevTokenRequest(a.Id, TokenScopes.All, Governance: false, TimeSpan.FromHours(1)));

        var folder = Directory.CreateTempSubdirectory("noticechain-page-").FullName;
        var pdfs = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (state, owner) in new[] { ("authentic", authority), ("revoked", authority), ("superseded", authority), ("retired", retiring) })
        {
            var pdf = MinimalPdf.Create("Bescheid", $"Aktenzeichen AZ-2026-{state}", $"Nonce {Guid.NewGuid():N}");
            pdfs[state] = Path.Combine(folder, $"bescheid-{state}.pdf");
            await File.WriteAllBytesAsync(pdfs[state], pdf);
            ids[state] = await RegisterAsync(http, TokenFor(owner), Digest.Compute(pdf), $"AZ-{state}", supersedes: null);
        }

        foreach (var state in ids.Keys)
        {
            await WaitForStatusAsync(http, pdfs[state], "authentic");
        }

        // Revoked with effect from a minute ago: after its issue, and in the past when the page looks.
        var effectiveAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await PostAsync(http, TokenFor(authority), $"api/v1/notices/{ids["revoked"]}/revoke",
            JsonSerializer.Serialize(new { reason = "revocation", effectiveAt = effectiveAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) }));
        var replacement = MinimalPdf.Create("Bescheid (berichtigt)", "Aktenzeichen AZ-2026-superseded", $"Nonce {Guid.NewGuid():N}");
        await RegisterAsync(http, TokenFor(authority), Digest.Compute(replacement), "AZ-superseded-2", supersedes: ids["superseded"]);
        await bed.Chain.Governance.RetireIssuerAsync(retiring.IssuerId);
        await WaitForStatusAsync(http, pdfs["revoked"], "revoked");
        await WaitForStatusAsync(http, pdfs["superseded"], "superseded");
        await WaitForRetiredAsync(http, pdfs["retired"]);

        var config = Path.Combine(folder, "config.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            baseUrl = bed.Api.BaseAddress.ToString(),
            screenshotDir = Path.Combine(RepositoryRoot.Location, "artifacts", "screenshots", "verify-page"),
            authority = authority.Chain.Name,
            retiredAuthority = retiring.Chain.Name,
            notices = ids.ToDictionary(p => p.Key, p => new { file = pdfs[p.Key], id = p.Value }),
        }));
        var (exitCode, stdout, stderr) = await BrowserScript.RunAsync("verify-page.mjs", config);
        // Exit 1: a check failed; 2: the run broke off (the report then holds a failed "the run completed" check).
        Assert.True(exitCode is 0 or 1 or 2 && stdout.TrimStart().StartsWith('{'), $"verify-page.mjs failed to run (exit {exitCode}):{Environment.NewLine}{stderr}{stdout}");
        using var report = JsonDocument.Parse(stdout);
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToList();
        foreach (var check in checks)
        {
            output.WriteLine($"{(check.GetProperty("ok").GetBoolean() ? "ok  " : "FAIL")} {check.GetProperty("name").GetString()}");
        }

        var failed = checks.Where(c => !c.GetProperty("ok").GetBoolean())
            .Select(c => $"{c.GetProperty("name").GetString()}: {c.GetProperty("detail").GetString()}").ToList();
        Assert.True(failed.Count == 0, $"Browser checks failed:{Environment.NewLine}{string.Join(Environment.NewLine, failed)}");
        Assert.True(checks.Count >= 30, $"Only {checks.Count} browser checks ran.");

        var seen = report.RootElement.GetProperty("observations");
        string Title(string state) => seen.GetProperty(state).GetProperty("title").GetString()!;
        string Text(string state) => seen.GetProperty(state).GetProperty("text").GetString()!;
        Assert.StartsWith("Echt: ", Title("authentic"), StringComparison.Ordinal);
        Assert.Contains($"„{authority.Chain.Name}“", Title("authentic"), StringComparison.Ordinal);
        Assert.Contains("Der Bescheid ist nicht aufgehoben.", Text("authentic"), StringComparison.Ordinal);
        Assert.Contains("Beweis im Browser geprüft ✓", Text("authentic"), StringComparison.Ordinal);
        Assert.StartsWith("Unbekannt: ", Title("tampered"), StringComparison.Ordinal);
        var berlin = TimeZoneInfo.ConvertTime(effectiveAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal($"Aufgehoben am {berlin.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} (Widerruf).", Title("revoked"));
        Assert.StartsWith("Ersetzt durch den Bescheid vom ", Title("superseded"), StringComparison.Ordinal);
        Assert.Contains("nicht mehr aktiv; frühere Bescheide bleiben gültig", Text("retired"), StringComparison.Ordinal);
        Assert.Matches(@"^Revoked on \d{1,2} [A-Z][a-z]+ \d{4} \(revocation\)\.$", Title("english"));
        Assert.StartsWith("Achtung: Ihre Datei ist nicht der Bescheid", Title("noticeLinkMismatch"), StringComparison.Ordinal);
        Assert.StartsWith("Achtung: Der Nachweis konnte in Ihrem Browser nicht bestätigt werden", Title("tamperedProof"), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> RegisterAsync(HttpClient http, string token, Digest digest, string reference, string? supersedes)
    {
        var body = supersedes is null
            ? JsonSerializer.Serialize(new { digest = digest.ToString(), reference })
            : JsonSerializer.Serialize(new { digest = digest.ToString(), reference, supersedes });
        using var document = JsonDocument.Parse(await PostAsync(http, token, "api/v1/notices", body));
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> PostAsync(HttpClient http, string token, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>Polls the public verify API until the PDF's answer has <paramref name="status"/>.</summary>
    private static Task WaitForStatusAsync(HttpClient http, string pdf, string status) =>
        WaitForAnswerAsync(http, pdf, $"status {status}", answer => answer.GetProperty("status").GetString() == status);

    private static Task WaitForRetiredAsync(HttpClient http, string pdf) =>
        WaitForAnswerAsync(http, pdf, "a retired authority", answer =>
            answer.GetProperty("authority") is { ValueKind: JsonValueKind.Object } a && a.GetProperty("retiredAt").ValueKind == JsonValueKind.String);

    private static async Task WaitForAnswerAsync(HttpClient http, string pdf, string what, Func<JsonElement, bool> done)
    {
        var digest = Digest.Compute(await File.ReadAllBytesAsync(pdf)).ToString();
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < ChainTimeout)
        {
            using var response = await http.GetAsync(new Uri($"api/v1/verify/{digest}", UriKind.Relative));
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var answer = JsonDocument.Parse(last);
                if (done(answer.RootElement))
                {
                    return;
                }
            }

            await Task.Delay(300);
        }

        Assert.Fail($"{Path.GetFileName(pdf)} did not reach {what} within {ChainTimeout.TotalSeconds:0} s; last answer: {last}");
    }
}
