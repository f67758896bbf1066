using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>Registering a notice by uploading the document as <c>multipart/form-data</c>.</summary>
public sealed class NoticeUploadTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task Upload_registers_the_sha256_of_the_bytes_and_keeps_no_copy()
    {
        var caller = NoticeCaller.Create(Api);
        var document = Document(300_000);

        var notice = await NoticeCaller.BodyAsync(await caller.PostAsync(NoticesApi.Prefix, Form(document, "AZ-2026-7")), HttpStatusCode.Accepted);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), notice.GetProperty("digest").GetString());
        Assert.Equal("AZ-2026-7", notice.GetProperty("reference").GetString());
        Assert.Equal(1, await caller.CountStoredAsync());
        var marker = document.AsSpan(1000, 64).ToArray();
        foreach (var file in Directory.EnumerateFiles(Api.DataFolder, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(marker) < 0, $"{file} holds the uploaded document.");
        }
    }

    [Fact]
    public async Task Uploading_the_same_document_again_returns_the_same_notice()
    {
        var caller = NoticeCaller.Create(Api);
        var document = Document(10_000);

        var first = await NoticeCaller.BodyAsync(await caller.PostAsync(NoticesApi.Prefix, Form(document, "AZ-1")), HttpStatusCode.Accepted);
        var again = await NoticeCaller.BodyAsync(await caller.PostAsync(NoticesApi.Prefix, Form(document, "AZ-1")), HttpStatusCode.Accepted);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_form_without_a_file_part_is_400_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        using var form = new MultipartFormDataContent { { new StringContent("AZ-1"), "reference" } };

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, form), HttpStatusCode.BadRequest, "file");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_form_with_two_file_parts_is_400_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        using var form = Form(Document(100), "AZ-1");
        form.Add(new ByteArrayContent(Document(100)), "file", "second.pdf");

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, form), HttpStatusCode.BadRequest, "file");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_form_without_a_reference_is_400_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Document(100)), "file", "notice.pdf" } };

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, form), HttpStatusCode.BadRequest, "reference");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_form_with_an_unknown_part_is_400_naming_it()
    {
        var caller = NoticeCaller.Create(Api);
        using var form = Form(Document(100), "AZ-1");
        form.Add(new StringContent("Erika Mustermann"), "addressee");

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, form), HttpStatusCode.BadRequest, "addressee");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_multipart_body_without_boundary_is_400_naming_the_content_type()
    {
        var caller = NoticeCaller.Create(Api);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\n\r\n--x--\r\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, content), HttpStatusCode.BadRequest, "Content-Type");
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_400_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(
            "--b\r\nContent-Disposition: form-data; name=\"reference\"\r\n\r\nAZ-1\r\n--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhalf a docu"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, content), HttpStatusCode.BadRequest, "$");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_document_over_the_configured_limit_is_413_and_stores_nothing()
    {
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Notices:MaxUploadBytes"] = "4096" });
        var caller = NoticeCaller.Create(api);

        var accepted = await caller.PostAsync(NoticesApi.Prefix, Form(Document(4096), "AZ-1"));
        var tooLarge = await caller.PostAsync(NoticesApi.Prefix, Form(Document(4097), "AZ-2"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await NoticeCaller.AssertFieldProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "file");
        Assert.Equal(1, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task Neither_json_nor_multipart_is_415()
    {
        var caller = NoticeCaller.Create(Api);
        using var content = new StringContent("digest=abc", Encoding.UTF8, "application/x-www-form-urlencoded");

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, content), HttpStatusCode.UnsupportedMediaType, "Content-Type");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    internal static byte[] Document(int size) => RandomNumberGenerator.GetBytes(size);

    internal static MultipartFormDataContent Form(byte[] document, string reference) => new()
    {
        { new StringContent(reference), "reference" },
        { new ByteArrayContent(document), "file", "notice.pdf" },
    };
}
