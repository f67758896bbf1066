using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeChain.Cli;
using NoticeChain.Core.Receipts;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Cli;

/// <summary>Runs <c>noticechain</c> in-process against the collection's Anvil node, with documents and receipts written to a
/// temp folder of its own.</summary>
internal sealed class VerifyCliHarness(AnvilFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("noticechain-verify-");

    /// <summary>The temp folder.</summary>
    public string Folder => _folder.FullName;

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A time as the text output prints it.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A time as the JSON answer writes it.</summary>
    public static string JsonTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes notice <paramref name="index"/>'s document and its receipt (optionally edited as JSON) to the temp folder.</summary>
    public (string Document, string Receipt) Write(IssuedBatch batch, int index, Action<JsonObject>? edit = null, ReceiptAnchor? anchor = null)
    {
        var name = Guid.NewGuid().ToString("N");
        var document = Path.Combine(Folder, name + ".pdf");
        var receipt = Path.Combine(Folder, name + ".receipt.json");
        File.WriteAllBytes(document, batch.Documents[index]);
        var json = JsonNode.Parse(batch.Receipt(index, anchor).ToJson())!.AsObject();
        edit?.Invoke(json);
        File.WriteAllText(receipt, json.ToJsonString());
        return (document, receipt);
    }

    /// <summary><c>noticechain verify</c> against the fixture's node.</summary>
    public Task<(int Code, string Output, string Error)> VerifyAsync(string document, string receipt, params string[] extra) =>
        RunAsync(["verify", document, "--receipt", receipt, "--rpc", fixture.Node.RpcUri.ToString(), .. extra]);

    /// <summary><c>noticechain verify --json</c>, asserting the exit code, parsed.</summary>
    public async Task<JsonElement> VerifyJsonAsync(string document, string receipt, int expectedCode = CliApp.Negative)
    {
        var result = await VerifyAsync(document, receipt, "--json");
        Assert.True(result.Code == expectedCode, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.Clone();
    }

    /// <summary>Any command, in-process.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
