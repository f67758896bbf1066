using System.Net;
using System.Text;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary><c>POST /api/v1/notices/batch</c>: up to 10,000 notices, all or none.</summary>
public sealed class NoticeBatchTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private const string Path = NoticesApi.Prefix + "/batch";

    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task A_batch_of_10000_is_accepted_with_the_ids_in_order()
    {
        var caller = NoticeCaller.Create(Api);
        var digests = Enumerable.Range(0, 10_000).Select(_ => NoticeCaller.RandomDigest()).ToList();

        var batch = await NoticeCaller.BodyAsync(await caller.PostJsonAsync(Path, BatchJson(digests)), HttpStatusCode.Accepted);

        var ids = batch.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(10_000, ids.Distinct().Count());
        Assert.Equal(10_000, await caller.CountStoredAsync());
        foreach (var index in new[] { 0, 4_321, 9_999 })
        {
            var notice = await NoticeCaller.BodyAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{ids[index]}"), HttpStatusCode.OK);
            Assert.Equal(digests[index], notice.GetProperty("digest").GetString());
            Assert.Equal($"ref-{index}", notice.GetProperty("reference").GetString());
        }
    }

    [Fact]
    public async Task A_batch_of_10001_is_400_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api);

        var response = await caller.PostJsonAsync(Path, BatchJson(Enumerable.Range(0, 10_001).Select(_ => NoticeCaller.RandomDigest()).ToList()));

        await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, "notices");
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task An_empty_batch_is_400()
    {
        var caller = NoticeCaller.Create(Api);

        await NoticeCaller.AssertFieldProblemAsync(await caller.PostJsonAsync(Path, """{"notices":[]}"""), HttpStatusCode.BadRequest, "notices");
        await NoticeCaller.AssertFieldProblemAsync(await caller.PostJsonAsync(Path, "{}"), HttpStatusCode.BadRequest, "notices");
    }

    [Fact]
    public async Task One_bad_entry_rejects_the_whole_batch_naming_its_index()
    {
        var caller = NoticeCaller.Create(Api);
        var digests = Enumerable.Range(0, 40).Select(_ => NoticeCaller.RandomDigest()).ToList();
        digests[17] = "0x" + digests[17][2..];

        var response = await caller.PostJsonAsync(Path, BatchJson(digests));

        var problem = await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, "notices[17].digest");
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task An_entry_without_reference_or_with_an_unknown_field_is_400()
    {
        var caller = NoticeCaller.Create(Api);
        var digest = NoticeCaller.RandomDigest();

        await NoticeCaller.AssertFieldProblemAsync(
            await caller.PostJsonAsync(Path, $$"""{"notices":[{"digest":"{{digest}}"}]}"""), HttpStatusCode.BadRequest, "notices[0].reference");
        var unknown = await caller.PostJsonAsync(Path, $$"""{"notices":[{"digest":"{{digest}}","reference":"a","name":"Erika"}]}""");

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_digest_given_twice_in_a_batch_maps_to_one_notice()
    {
        var caller = NoticeCaller.Create(Api);
        var digest = NoticeCaller.RandomDigest();

        var batch = await NoticeCaller.BodyAsync(await caller.PostJsonAsync(Path, BatchJson([digest, NoticeCaller.RandomDigest(), digest])), HttpStatusCode.Accepted);

        var ids = batch.GetProperty("ids").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(ids[0], ids[2]);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(2, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task A_batch_body_over_8_MiB_is_413()
    {
        var caller = NoticeCaller.Create(Api);
        var padding = new string(' ', NoticeRequestLimits.MaxBatchJsonBytes);

        var response = await caller.PostJsonAsync(Path, "{\"notices\":[]" + padding + "}");

        await NoticeCaller.AssertFieldProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "$");
    }

    private static string BatchJson(List<string> digests)
    {
        var json = new StringBuilder("{\"notices\":[");
        for (var i = 0; i < digests.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("{\"digest\":\"").Append(digests[i]).Append("\",\"reference\":\"ref-").Append(i).Append("\"}");
        }

        return json.Append("]}").ToString();
    }
}
