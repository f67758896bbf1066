using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Api.Tests.Notices;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>Anonymous calls to the verify endpoints and the checks every answer must pass.</summary>
internal static class VerifyCalls
{
    public const string Prefix = "/api/v1/verify";

    /// <summary>Every member of the answer, which is always written (docs/verify-api.md).</summary>
    public static readonly string[] AnswerMembers =
    [
        "digest", "status", "finding", "noticeId", "authority", "anchoredAt", "blockNumber", "transactionHash",
        "chainId", "registry", "revocation", "supersession", "receipt", "checkedAgainstChain", "chainHead",
    ];

    /// <summary>GET without a token, expecting a 200 answer.</summary>
    public static async Task<JsonElement> GetAnswerAsync(ApiServer api, string path)
    {
        var answer = await NoticeCaller.BodyAsync(await api.GetAsync(path), HttpStatusCode.OK);
        AssertShape(answer);
        return answer;
    }

    /// <summary>The answer for a digest.</summary>
    public static Task<JsonElement> ByDigestAsync(ApiServer api, Digest digest) => GetAnswerAsync(api, $"{Prefix}/{digest}");

    /// <summary>POST a JSON body without a token.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(ApiServer api, string path, string json) =>
        api.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>POST the document as the form's file part, without a token.</summary>
    public static Task<HttpResponseMessage> PostFileAsync(ApiServer api, byte[] document, string part = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, part, "bescheid.pdf");
        return api.Client.PostAsync($"{Prefix}/file", form);
    }

    /// <summary>Asserts that the answer has exactly the contract's members.</summary>
    public static void AssertShape(JsonElement answer) =>
        Assert.Equal(AnswerMembers.Order(StringComparer.Ordinal), answer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    /// <summary>Asserts status and finding (null for none).</summary>
    public static void AssertStatus(JsonElement answer, string status, string? finding)
    {
        Assert.Equal(status, answer.GetProperty("status").GetString());
        Assert.Equal(finding, answer.GetProperty("finding").GetString());
    }

    public static byte[] NewDocument(int size = 2000) => RandomNumberGenerator.GetBytes(size);

    /// <summary>A new authority registers the document; returns the caller and the notice id.</summary>
    public static async Task<(NoticeCaller Caller, string Id, Digest Digest)> RegisterAsync(ApiServer api, byte[] document)
    {
        var caller = NoticeCaller.Create(api);
        var digest = Digest.Compute(document);
        var id = (await caller.RegisterAsync(digest.ToString())).GetProperty("id").GetString()!;
        return (caller, id, digest);
    }

    /// <summary>The receipt the issuing API hands out for the caller's notice, as the JSON text of the file.</summary>
    public static async Task<string> ReceiptAsync(NoticeCaller caller, string id)
    {
        var response = await caller.GetAsync($"{NoticesApi.Prefix}/{id}/receipt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
