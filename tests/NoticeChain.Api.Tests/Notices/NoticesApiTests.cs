using System.Net;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>Registering, reading and revoking notices by digest through the real API and SQLite store.</summary>
public sealed class NoticesApiTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task Register_answers_202_with_location_and_the_notice_reads_back_pending()
    {
        var caller = NoticeCaller.Create(Api);
        var digest = NoticeCaller.RandomDigest();

        var response = await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(digest, "AZ-2026-000123"));
        var accepted = await NoticeCaller.BodyAsync(response, HttpStatusCode.Accepted);

        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Equal(digest, accepted.GetProperty("digest").GetString());
        Assert.Equal("AZ-2026-000123", accepted.GetProperty("reference").GetString());
        Assert.EndsWith("Z", accepted.GetProperty("acceptedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{NoticesApi.Prefix}/{id}", response.Headers.Location?.OriginalString);

        var read = await NoticeCaller.BodyAsync(await caller.GetAsync(response.Headers.Location!.OriginalString), HttpStatusCode.OK);
        Assert.Equal(id, read.GetProperty("id").GetString());
        Assert.Equal("pending", read.GetProperty("status").GetString());
        Assert.False(read.TryGetProperty("receipt", out _));
        Assert.Equal(1, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task Registering_the_same_digest_again_returns_the_same_notice()
    {
        var caller = NoticeCaller.Create(Api);
        var digest = NoticeCaller.RandomDigest();

        var first = await caller.RegisterAsync(digest);
        var again = await NoticeCaller.BodyAsync(
            await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(digest.ToUpperInvariant(), "another reference")),
            HttpStatusCode.Accepted);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(digest, again.GetProperty("digest").GetString());
        Assert.Equal("AZ-2026-000123", again.GetProperty("reference").GetString());
        Assert.Equal(1, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task The_same_digest_from_two_authorities_makes_two_notices()
    {
        var digest = NoticeCaller.RandomDigest();

        var a = await NoticeCaller.Create(Api).RegisterAsync(digest);
        var b = await NoticeCaller.Create(Api).RegisterAsync(digest);

        Assert.NotEqual(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_notice_can_name_the_notice_it_supersedes()
    {
        var caller = NoticeCaller.Create(Api);
        var old = (await caller.RegisterAsync()).GetProperty("id").GetString()!;
        var json = $$"""{"digest":"{{NoticeCaller.RandomDigest()}}","reference":"AZ-2","supersedes":"{{old}}"}""";

        var replacement = await NoticeCaller.BodyAsync(await caller.PostJsonAsync(NoticesApi.Prefix, json), HttpStatusCode.Accepted);

        Assert.Equal(old, replacement.GetProperty("supersedes").GetString());
    }

    [Fact]
    public async Task Superseding_an_unknown_notice_is_422_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        var other = (await NoticeCaller.Create(Api).RegisterAsync()).GetProperty("id").GetString()!;
        var json = $$"""{"digest":"{{NoticeCaller.RandomDigest()}}","reference":"AZ-2","supersedes":"{{other}}"}""";

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostJsonAsync(NoticesApi.Prefix, json), HttpStatusCode.UnprocessableEntity, "supersedes");

        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task An_unknown_notice_is_404_for_the_notice_and_its_receipt()
    {
        var caller = NoticeCaller.Create(Api);
        var unknown = Guid.CreateVersion7().ToString();

        await NoticeCaller.AssertFieldProblemAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{unknown}"), HttpStatusCode.NotFound, "id");
        await NoticeCaller.AssertFieldProblemAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{unknown}/receipt"), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task The_receipt_of_a_pending_notice_is_409()
    {
        var caller = NoticeCaller.Create(Api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();

        await NoticeCaller.AssertFieldProblemAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}/receipt"), HttpStatusCode.Conflict, "id");
    }

    [Fact]
    public async Task Revoke_records_the_request_and_a_repeat_is_harmless()
    {
        var caller = NoticeCaller.Create(Api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();
        const string Body = """{"reason":"correction","effectiveAt":"2026-12-01T12:00:00+01:00"}""";

        var first = await NoticeCaller.BodyAsync(await caller.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", Body), HttpStatusCode.Accepted);
        var again = await caller.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", Body);

        var request = first.GetProperty("revocationRequest");
        Assert.Equal("correction", request.GetProperty("reason").GetString());
        Assert.Equal("2026-12-01T11:00:00Z", request.GetProperty("effectiveAt").GetString());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var read = await NoticeCaller.BodyAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}"), HttpStatusCode.OK);
        Assert.Equal("correction", read.GetProperty("revocationRequest").GetProperty("reason").GetString());
        Assert.Equal(2, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_conflicting_second_revocation_is_409()
    {
        var caller = NoticeCaller.Create(Api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();
        await caller.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", """{"reason":"correction","effectiveAt":"2026-12-01T00:00:00Z"}""");

        var conflicting = await caller.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", """{"reason":"nullity","effectiveAt":"2026-12-01T00:00:00Z"}""");

        await ProblemAssert.IsProblemAsync(conflicting, HttpStatusCode.Conflict);
        var read = await NoticeCaller.BodyAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}"), HttpStatusCode.OK);
        Assert.Equal("correction", read.GetProperty("revocationRequest").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Superseding_a_notice_due_to_be_revoked_is_409_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        var old = (await caller.RegisterAsync()).GetProperty("id").GetString()!;
        await caller.PostJsonAsync($"{NoticesApi.Prefix}/{old}/revoke", """{"reason":"withdrawal","effectiveAt":"2026-12-01T00:00:00Z"}""");
        var json = $$"""{"digest":"{{NoticeCaller.RandomDigest()}}","reference":"AZ-2","supersedes":"{{old}}"}""";

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostJsonAsync(NoticesApi.Prefix, json), HttpStatusCode.Conflict, "supersedes");

        Assert.Equal(2, await caller.CountStoredAsync());
    }
}
