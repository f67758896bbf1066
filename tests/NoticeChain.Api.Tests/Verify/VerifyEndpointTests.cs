using System.Net;
using System.Text;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Api.Tests.Notices;
using NoticeChain.Core.Hashing;
using static NoticeChain.Api.Tests.Verify.VerifyCalls;

namespace NoticeChain.Api.Tests.Verify;

/// <summary>The batch, the upload, the receipt and the notice-id endpoints, and every way to ask them wrongly.</summary>
public sealed class VerifyEndpointTests(VerifyApiFixture fixture) : IClassFixture<VerifyApiFixture>
{
    private ApiServer Api => fixture.Server;

    private ChainSimulator Chain => fixture.Chain;

    [Fact]
    public async Task A_batch_answers_every_digest_in_the_order_of_the_request()
    {
        var (caller, _, anchored) = await RegisterAsync(Api, NewDocument());
        await Chain.ConfirmAsync(await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey()));
        var (_, _, pending) = await RegisterAsync(Api, NewDocument());
        var unknown = Digest.Compute(NewDocument());
        string[] digests = [unknown.ToString(), anchored.ToString().ToUpperInvariant(), pending.ToString(), anchored.ToString()];

        var body = await NoticeCaller.BodyAsync(await PostJsonAsync(Api, Prefix, Batch(digests)), HttpStatusCode.OK);

        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([unknown.ToString(), anchored.ToString(), pending.ToString(), anchored.ToString()], results.Select(r => r.GetProperty("digest").GetString()));
        Assert.Equal(["unknown", "authentic", "pending", "authentic"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.All(results, AssertShape);
        Assert.Equal(results[1].GetProperty("chainHead").GetRawText(), results[2].GetProperty("chainHead").GetRawText());
    }

    [Fact]
    public async Task A_batch_of_exactly_1000_digests_is_answered()
    {
        var digests = Enumerable.Range(0, 1000).Select(_ => NoticeCaller.RandomDigest()).ToArray();

        var body = await NoticeCaller.BodyAsync(await PostJsonAsync(Api, Prefix, Batch(digests)), HttpStatusCode.OK);

        Assert.Equal(digests, body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("digest").GetString()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_batch_of_0_or_over_1000_digests_is_400_naming_digests(int count)
    {
        var digests = Enumerable.Range(0, count).Select(_ => NoticeCaller.RandomDigest()).ToArray();

        await NoticeCaller.AssertFieldProblemAsync(await PostJsonAsync(Api, Prefix, Batch(digests)), HttpStatusCode.BadRequest, "digests");
    }

    [Theory]
    [InlineData("""{}""", "digests")]
    [InlineData("""{"digests":null}""", "digests")]
    [InlineData("""{"digests":"abc"}""", "$.digests")]
    [InlineData("""{"digests":[],"extra":1}""", "$.extra")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"digests":[""", "$.digests[0]")]
    public async Task A_malformed_batch_body_is_400_naming_where(string json, string field) =>
        await NoticeCaller.AssertFieldProblemAsync(await PostJsonAsync(Api, Prefix, json), HttpStatusCode.BadRequest, field);

    [Theory]
    [InlineData("0x")]
    [InlineData("zz")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_bad_entry_is_400_naming_its_index(string? prefix)
    {
        var digests = new List<string?> { NoticeCaller.RandomDigest(), NoticeCaller.RandomDigest(), NoticeCaller.RandomDigest() };
        digests.Add(prefix is null ? null : prefix + NoticeCaller.RandomDigest()[prefix.Length..]);
        if (prefix == string.Empty)
        {
            digests[3] = "abc";
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, List<string?>> { ["digests"] = digests });
        var problem = await NoticeCaller.AssertFieldProblemAsync(await PostJsonAsync(Api, Prefix, json), HttpStatusCode.BadRequest, "digests[3]");

        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task A_batch_that_is_not_json_is_415()
    {
        var response = await Api.Client.PostAsync(Prefix, new StringContent(Batch([NoticeCaller.RandomDigest()]), Encoding.UTF8, "text/plain"));

        await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task A_batch_body_over_the_limit_is_413()
    {
        var json = "{\"digests\":[" + string.Join(',', Enumerable.Repeat("\"" + NoticeCaller.RandomDigest() + "\"", 2000)) + "]}";

        await ProblemAssert.IsProblemAsync(await PostJsonAsync(Api, Prefix, json), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("g000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("file")]
    public async Task A_malformed_digest_in_the_path_is_400_naming_digest(string digest) =>
        await NoticeCaller.AssertFieldProblemAsync(await Api.GetAsync($"{Prefix}/{digest}"), HttpStatusCode.BadRequest, "digest");

    [Fact]
    public async Task An_uploaded_document_is_hashed_and_answered_and_not_kept()
    {
        var document = NewDocument(300_000);
        var (caller, id, digest) = await RegisterAsync(Api, document);
        await Chain.ConfirmAsync(await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey()));

        var answer = await NoticeCaller.BodyAsync(await PostFileAsync(Api, document), HttpStatusCode.OK);

        AssertShape(answer);
        AssertStatus(answer, "authentic", null);
        Assert.Equal(digest.ToString(), answer.GetProperty("digest").GetString());
        Assert.Equal(id, answer.GetProperty("noticeId").GetString());
        var marker = document.AsSpan(1000, 64).ToArray();
        foreach (var file in Directory.EnumerateFiles(Api.DataFolder, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(marker) < 0, $"{file} holds the uploaded document.");
        }
    }

    [Fact]
    public async Task An_uploaded_document_nobody_registered_is_unknown()
    {
        var document = NewDocument();

        var answer = await NoticeCaller.BodyAsync(await PostFileAsync(Api, document), HttpStatusCode.OK);

        AssertStatus(answer, "unknown", "not-registered");
        Assert.Equal(Digest.Compute(document).ToString(), answer.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_naming_file()
    {
        await using var small = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Verify:MaxUploadBytes"] = "1000" });

        await NoticeCaller.AssertFieldProblemAsync(await PostFileAsync(small, NewDocument(1001)), HttpStatusCode.RequestEntityTooLarge, "file");
        Assert.Equal(HttpStatusCode.OK, (await PostFileAsync(small, NewDocument(1000))).StatusCode);
    }

    [Fact]
    public async Task An_upload_that_is_not_a_form_is_415_and_a_form_without_file_or_with_other_parts_is_400()
    {
        var json = await PostJsonAsync(Api, $"{Prefix}/file", "{}");
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using var withReference = new MultipartFormDataContent { { new ByteArrayContent(NewDocument()), "file", "a.pdf" }, { new StringContent("AZ-1"), "reference" } };
        using var referenceOnly = new MultipartFormDataContent { { new StringContent("AZ-1"), "reference" } };

        await NoticeCaller.AssertFieldProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await NoticeCaller.AssertFieldProblemAsync(await Api.Client.PostAsync($"{Prefix}/file", noFile), HttpStatusCode.BadRequest, "other");
        await NoticeCaller.AssertFieldProblemAsync(await Api.Client.PostAsync($"{Prefix}/file", withReference), HttpStatusCode.BadRequest, "reference");
        await NoticeCaller.AssertFieldProblemAsync(await Api.Client.PostAsync($"{Prefix}/file", referenceOnly), HttpStatusCode.BadRequest, "file");
    }

    [Fact]
    public async Task A_receipt_is_verified_against_the_chain_and_against_the_documents_digest()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ConfirmAsync(batch);
        var receipt = await ReceiptAsync(caller, id);
        var otherDocument = Digest.Compute(NewDocument());

        var alone = await ReceiptAnswerAsync(receipt);
        var withDocument = await ReceiptAnswerAsync(receipt, $"?digest={digest.ToString().ToUpperInvariant()}");
        var withAnotherDocument = await ReceiptAnswerAsync(receipt, $"?digest={otherDocument}");

        AssertStatus(alone, "authentic", null);
        Assert.Equal(digest.ToString(), alone.GetProperty("digest").GetString());
        Assert.Equal(id, alone.GetProperty("noticeId").GetString());
        Assert.Equal(receipt, alone.GetProperty("receipt").GetRawText());
        Assert.Equal(batch.Position.BlockNumber, alone.GetProperty("blockNumber").GetUInt64());
        AssertStatus(withDocument, "authentic", null);
        AssertStatus(withAnotherDocument, "unknown", "digest-mismatch");
        Assert.Equal(otherDocument.ToString(), withAnotherDocument.GetProperty("digest").GetString());
        Assert.Null(withAnotherDocument.GetProperty("authority").GetString());
    }

    [Fact]
    public async Task A_tampered_receipt_is_unknown_proof_mismatch()
    {
        var (caller, id, _) = await RegisterAsync(Api, NewDocument());
        await Chain.ConfirmAsync(await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey()));
        var receipt = JsonNode(await ReceiptAsync(caller, id));
        var salt = receipt["salt"]!.GetValue<string>();
        receipt["salt"] = (salt[0] == '0' ? "1" : "0") + salt[1..];

        var answer = await ReceiptAnswerAsync(receipt.ToJsonString());

        AssertStatus(answer, "unknown", "proof-mismatch");
        Assert.Null(answer.GetProperty("authority").GetString());
    }

    [Fact]
    public async Task A_receipt_of_another_network_is_unknown_root_not_anchored()
    {
        var (caller, id, _) = await RegisterAsync(Api, NewDocument());
        await Chain.ConfirmAsync(await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey()));
        var receipt = JsonNode(await ReceiptAsync(caller, id));
        receipt["chainId"] = 1;

        AssertStatus(await ReceiptAnswerAsync(receipt.ToJsonString()), "unknown", "root-not-anchored");
    }

    [Theory]
    [InlineData("treeSize", "0")]
    [InlineData("salt", "\"abc\"")]
    [InlineData("version", "2")]
    public async Task A_malformed_receipt_is_400_naming_the_field(string field, string value)
    {
        var (caller, id, _) = await RegisterAsync(Api, NewDocument());
        await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        var receipt = JsonNode(await ReceiptAsync(caller, id));
        receipt[field] = System.Text.Json.Nodes.JsonNode.Parse(value);

        await NoticeCaller.AssertFieldProblemAsync(await PostJsonAsync(Api, $"{Prefix}/receipt", receipt.ToJsonString()), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Receipt_requests_that_are_not_json_too_large_or_with_a_bad_digest_are_refused()
    {
        var tooLarge = "{\"digest\":\"" + new string('a', 17 * 1024) + "\"}";

        await NoticeCaller.AssertFieldProblemAsync(
            await Api.Client.PostAsync($"{Prefix}/receipt", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await ProblemAssert.IsProblemAsync(await PostJsonAsync(Api, $"{Prefix}/receipt", tooLarge), HttpStatusCode.RequestEntityTooLarge);
        await NoticeCaller.AssertFieldProblemAsync(await PostJsonAsync(Api, $"{Prefix}/receipt?digest=xyz", "{}"), HttpStatusCode.BadRequest, "digest");
        await NoticeCaller.AssertFieldProblemAsync(
            await PostJsonAsync(Api, $"{Prefix}/receipt?digest={NoticeCaller.RandomDigest()}&digest={NoticeCaller.RandomDigest()}", "{}"), HttpStatusCode.BadRequest, "digest");
        await NoticeCaller.AssertFieldProblemAsync(await PostJsonAsync(Api, $"{Prefix}/receipt", "not json"), HttpStatusCode.BadRequest, "$");
    }

    [Fact]
    public async Task By_notice_id_the_answer_tells_status_and_issuer_but_neither_digest_nor_receipt()
    {
        var (caller, id, digest) = await RegisterAsync(Api, NewDocument());
        var batch = await Chain.AnchorPendingAsync(caller.Authority, ChainSimulator.NewKey());
        await Chain.ConfirmAsync(batch);

        var answer = await GetAnswerAsync(Api, $"{Prefix}/notices/{id}");
        var raw = answer.GetRawText();

        AssertStatus(answer, "authentic", null);
        Assert.Equal(id, answer.GetProperty("noticeId").GetString());
        Assert.Equal(caller.Authority.ToString(), answer.GetProperty("authority").GetProperty("id").GetString());
        Assert.Equal(batch.Position.BlockNumber, answer.GetProperty("blockNumber").GetUInt64());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("digest").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("receipt").ValueKind);
        Assert.DoesNotContain(digest.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("salt", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_notice_id_a_pending_notice_is_pending_and_an_unknown_id_is_404_and_a_malformed_one_400()
    {
        var (_, id, _) = await RegisterAsync(Api, NewDocument());

        AssertStatus(await GetAnswerAsync(Api, $"{Prefix}/notices/{id}"), "pending", "awaiting-anchor");
        await NoticeCaller.AssertFieldProblemAsync(
            await Api.GetAsync($"{Prefix}/notices/{Core.Notices.NoticeId.New(TimeProvider.System)}"), HttpStatusCode.NotFound, "id");
        await NoticeCaller.AssertFieldProblemAsync(await Api.GetAsync($"{Prefix}/notices/not-a-uuid"), HttpStatusCode.BadRequest, "id");
    }

    private static string Batch(IEnumerable<string> digests) =>
        JsonSerializer.Serialize(new Dictionary<string, string[]> { ["digests"] = [.. digests] });

    private static System.Text.Json.Nodes.JsonObject JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    private async Task<JsonElement> ReceiptAnswerAsync(string receipt, string query = "")
    {
        var answer = await NoticeCaller.BodyAsync(await PostJsonAsync(Api, $"{Prefix}/receipt{query}", receipt), HttpStatusCode.OK);
        AssertShape(answer);
        return answer;
    }
}
