using System.Net;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>The <c>Idempotency-Key</c> header on the registration endpoints (draft-ietf-httpapi-idempotency-key-header).</summary>
public sealed class IdempotencyHeaderTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task The_same_key_and_body_replays_the_original_answer()
    {
        var caller = NoticeCaller.Create(Api);
        var json = NoticeCaller.NoticeJson(NoticeCaller.RandomDigest());

        var first = await NoticeCaller.BodyAsync(await caller.PostJsonAsync(NoticesApi.Prefix, json, "key-1"), HttpStatusCode.Accepted);
        var replayed = await caller.PostJsonAsync(NoticesApi.Prefix, json, "\"key-1\"");

        var second = await NoticeCaller.BodyAsync(replayed, HttpStatusCode.Accepted);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal($"{NoticesApi.Prefix}/{first.GetProperty("id").GetString()}", replayed.Headers.Location?.OriginalString);
        Assert.Equal(2, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()), "key-1");

        var reused = await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()), "key-1");

        await NoticeCaller.AssertFieldProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(2, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_batch_with_the_same_key_and_body_replays_the_ids()
    {
        var caller = NoticeCaller.Create(Api);
        var json = $$"""{"notices":[{"digest":"{{NoticeCaller.RandomDigest()}}","reference":"a"},{"digest":"{{NoticeCaller.RandomDigest()}}","reference":"b"}]}""";

        var first = await NoticeCaller.BodyAsync(await caller.PostJsonAsync($"{NoticesApi.Prefix}/batch", json, "batch-1"), HttpStatusCode.Accepted);
        var second = await NoticeCaller.BodyAsync(await caller.PostJsonAsync($"{NoticesApi.Prefix}/batch", json, "batch-1"), HttpStatusCode.Accepted);

        Assert.Equal(first.GetProperty("ids").ToString(), second.GetProperty("ids").ToString());
        Assert.Equal(3, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task An_upload_with_the_same_key_and_document_replays_and_another_document_is_422()
    {
        var caller = NoticeCaller.Create(Api);
        var document = NoticeUploadTests.Document(1000);

        var first = await NoticeCaller.BodyAsync(await caller.PostAsync(NoticesApi.Prefix, NoticeUploadTests.Form(document, "AZ-1"), "up-1"), HttpStatusCode.Accepted);
        var second = await NoticeCaller.BodyAsync(await caller.PostAsync(NoticesApi.Prefix, NoticeUploadTests.Form(document, "AZ-1"), "up-1"), HttpStatusCode.Accepted);
        var other = await caller.PostAsync(NoticesApi.Prefix, NoticeUploadTests.Form(NoticeUploadTests.Document(1000), "AZ-1"), "up-1");

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        await NoticeCaller.AssertFieldProblemAsync(other, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(2, await caller.CountStoredAsync());
    }

    public static TheoryData<string> MalformedKeys() => new()
    {
        string.Empty,
        new string('k', 256),
        "tab\tinside",
        "\"unterminated\\\"",
        "\"bad escape \\n\"",
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_400_and_stores_nothing(string key)
    {
        var caller = NoticeCaller.Create(Api);

        var response = await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()), key);

        await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task The_longest_allowed_key_is_accepted()
    {
        var caller = NoticeCaller.Create(Api);

        var response = await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()), new string('k', 255));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
