using System.Net;
using System.Text;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>Malformed input to the notice endpoints: a 4xx problem naming the field, and nothing stored.</summary>
public sealed class NoticeValidationTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private const string Digest = "adbbfbc49e4920150cffe624cf3bbcf2267f0f8cfd1e3fc0ec651c05fc546e9a";

    private ApiServer Api => fixture.Server;

    public static TheoryData<string, string> MalformedNotices() => new()
    {
        { $$"""{"digest":"{{Digest[..63]}}","reference":"AZ-1"}""", "digest" },
        { $$"""{"digest":"{{Digest}}0","reference":"AZ-1"}""", "digest" },
        { $$"""{"digest":"0x{{Digest}}","reference":"AZ-1"}""", "digest" },
        { $$"""{"digest":"{{Digest[..62]}}zz","reference":"AZ-1"}""", "digest" },
        { $$"""{"digest":"","reference":"AZ-1"}""", "digest" },
        { """{"reference":"AZ-1"}""", "digest" },
        { $$"""{"digest":null,"reference":"AZ-1"}""", "digest" },
        { $$"""{"digest":"{{Digest}}"}""", "reference" },
        { $$"""{"digest":"{{Digest}}","reference":""}""", "reference" },
        { $$"""{"digest":"{{Digest}}","reference":"{{new string('r', 129)}}"}""", "reference" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ\u0007-1"}""", "reference" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ\n1"}""", "reference" },
        { $$"""{"digest":"{{Digest}}","reference":" AZ-1"}""", "reference" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ-1","supersedes":"not-a-notice"}""", "supersedes" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ-1","supersedes":"{{Guid.NewGuid()}}"}""", "supersedes" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ-1","addressee":"Erika Mustermann"}""", "$.addressee" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ-1","digest":"{{Digest}}"}""", "$.digest" },
        { $$"""{"digest":42,"reference":"AZ-1"}""", "$.digest" },
        { $$"""{"digest":"{{Digest}}","reference":"AZ-1",}""", "$" },
        { $$"""{"digest":"{{Digest}}" /* c */,"reference":"AZ-1"}""", "$" },
        { """[]""", "$" },
        { """null""", "$" },
        { """{"digest":""", "$.digest" },
    };

    [Theory]
    [MemberData(nameof(MalformedNotices))]
    public async Task A_malformed_notice_is_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var caller = NoticeCaller.Create(Api);

        var response = await caller.PostJsonAsync(NoticesApi.Prefix, json);

        await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var caller = NoticeCaller.Create(Api);

        var response = await caller.PostJsonAsync(NoticesApi.Prefix, """{"digest":"abc","reference":"","supersedes":"x"}""");

        var problem = await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, "digest");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("reference", out _));
        Assert.True(errors.TryGetProperty("supersedes", out _));
    }

    [Fact]
    public async Task A_digest_in_capitals_is_accepted_and_answered_in_lower_case()
    {
        var caller = NoticeCaller.Create(Api);

        var notice = await NoticeCaller.BodyAsync(
            await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(Digest.ToUpperInvariant())), HttpStatusCode.Accepted);

        Assert.Equal(Digest, notice.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task A_reference_of_128_characters_is_accepted()
    {
        var caller = NoticeCaller.Create(Api);

        var response = await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(NoticeCaller.RandomDigest(), new string('ü', 128)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_415(string mediaType)
    {
        var caller = NoticeCaller.Create(Api);
        using var content = new StringContent(NoticeCaller.NoticeJson(Digest), Encoding.UTF8, mediaType);

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Theory]
    [InlineData("/batch")]
    [InlineData("/0192b6e0-7a2b-7c3d-8e4f-123456789abc/revoke")]
    public async Task The_batch_and_revoke_endpoints_take_only_json(string path)
    {
        var caller = NoticeCaller.Create(Api);
        using var content = new StringContent("{}", Encoding.UTF8, "multipart/form-data");

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix + path, content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task A_body_without_content_type_is_415()
    {
        var caller = NoticeCaller.Create(Api);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(NoticeCaller.NoticeJson(Digest)));

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostAsync(NoticesApi.Prefix, content), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task A_notice_body_over_64_KiB_is_413_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);
        var json = NoticeCaller.NoticeJson(Digest)[..^1] + new string(' ', NoticeRequestLimits.MaxSingleJsonBytes) + "}";

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostJsonAsync(NoticesApi.Prefix, json), HttpStatusCode.RequestEntityTooLarge, "$");
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0192b6e0-7a2b-4c3d-8e4f-123456789abc")]
    public async Task A_malformed_notice_id_is_400_naming_the_id(string id)
    {
        var caller = NoticeCaller.Create(Api);

        await NoticeCaller.AssertFieldProblemAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}"), HttpStatusCode.BadRequest, "id");
        await NoticeCaller.AssertFieldProblemAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}/receipt"), HttpStatusCode.BadRequest, "id");
        await NoticeCaller.AssertFieldProblemAsync(
            await caller.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", """{"reason":"other","effectiveAt":"2026-12-01T00:00:00Z"}"""), HttpStatusCode.BadRequest, "id");
    }

    public static TheoryData<string, string> MalformedRevocations() => new()
    {
        { """{"reason":"Withdrawal","effectiveAt":"2026-12-01T00:00:00Z"}""", "reason" },
        { """{"reason":"expired","effectiveAt":"2026-12-01T00:00:00Z"}""", "reason" },
        { """{"reason":1,"effectiveAt":"2026-12-01T00:00:00Z"}""", "$.reason" },
        { """{"effectiveAt":"2026-12-01T00:00:00Z"}""", "reason" },
        { """{"reason":"other","effectiveAt":"2026-12-01"}""", "effectiveAt" },
        { """{"reason":"other","effectiveAt":"2026-12-01T00:00:00"}""", "effectiveAt" },
        { """{"reason":"other","effectiveAt":"01.12.2026 00:00"}""", "effectiveAt" },
        { """{"reason":"other","effectiveAt":"2026-13-01T00:00:00Z"}""", "effectiveAt" },
        { """{"reason":"other","effectiveAt":"1970-01-01T00:00:00Z"}""", "effectiveAt" },
        { """{"reason":"other"}""", "effectiveAt" },
        { """{"reason":"other","effectiveAt":"2026-12-01T00:00:00Z","note":"x"}""", "$.note" },
    };

    [Theory]
    [MemberData(nameof(MalformedRevocations))]
    public async Task A_malformed_revocation_is_400_naming_the_field_and_records_nothing(string json, string field)
    {
        var caller = NoticeCaller.Create(Api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();

        var response = await caller.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", json);

        await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(1, await caller.CountStoredAsync());
    }
}
