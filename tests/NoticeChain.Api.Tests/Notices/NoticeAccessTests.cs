using System.Net;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>Who may do what with a notice: scopes, and one authority never seeing another's notices.</summary>
public sealed class NoticeAccessTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private const string RevokeBody = """{"reason":"withdrawal","effectiveAt":"2026-12-01T00:00:00Z"}""";

    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task Another_authority_cannot_read_fetch_the_receipt_of_or_revoke_a_notice()
    {
        var owner = NoticeCaller.Create(Api);
        var id = (await owner.RegisterAsync()).GetProperty("id").GetString();
        var other = NoticeCaller.Create(Api);

        await NoticeCaller.AssertFieldProblemAsync(await other.GetAsync($"{NoticesApi.Prefix}/{id}"), HttpStatusCode.NotFound, "id");
        await NoticeCaller.AssertFieldProblemAsync(await other.GetAsync($"{NoticesApi.Prefix}/{id}/receipt"), HttpStatusCode.NotFound, "id");
        await NoticeCaller.AssertFieldProblemAsync(await other.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", RevokeBody), HttpStatusCode.NotFound, "id");
        Assert.Equal(1, await owner.CountStoredAsync());
    }

    [Fact]
    public async Task Registering_without_the_write_scope_is_403_and_stores_nothing()
    {
        var caller = NoticeCaller.Create(Api, TokenScopes.NoticesRevoke);

        await ProblemAssert.IsForbiddenAsync(await caller.PostJsonAsync(NoticesApi.Prefix, NoticeCaller.NoticeJson(NoticeCaller.RandomDigest())));
        await ProblemAssert.IsForbiddenAsync(await caller.PostJsonAsync(NoticesApi.Prefix + "/batch", """{"notices":[]}"""));
        Assert.Equal(0, await caller.CountStoredAsync());
    }

    [Fact]
    public async Task Revoking_without_the_revoke_scope_is_403_and_stores_nothing()
    {
        var writer = NoticeCaller.Create(Api, TokenScopes.NoticesWrite);
        var id = (await writer.RegisterAsync()).GetProperty("id").GetString();

        var response = await writer.PostJsonAsync($"{NoticesApi.Prefix}/{id}/revoke", RevokeBody);

        var problem = await ProblemAssert.IsForbiddenAsync(response);
        Assert.Contains(TokenScopes.NoticesRevoke, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await writer.CountStoredAsync());
    }

    [Fact]
    public async Task A_token_with_either_notice_scope_reads_its_authoritys_notices()
    {
        var writer = NoticeCaller.Create(Api, TokenScopes.NoticesWrite);
        var id = (await writer.RegisterAsync()).GetProperty("id").GetString();
        var revoker = NoticeCaller.For(Api, writer.Authority, TokenScopes.NoticesRevoke);

        Assert.Equal(HttpStatusCode.OK, (await revoker.GetAsync($"{NoticesApi.Prefix}/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_notice_scopes_cannot_read()
    {
        var writer = NoticeCaller.Create(Api);
        var id = (await writer.RegisterAsync()).GetProperty("id").GetString();
        var bare = Api.Mint(new DevTokenRequest(writer.Authority, [], Governance: false, TimeSpan.FromMinutes(5)));

        await ProblemAssert.IsForbiddenAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{id}", bare));
    }

    [Fact]
    public async Task Without_a_token_every_notice_endpoint_is_401()
    {
        using var content = new StringContent(NoticeCaller.NoticeJson(NoticeCaller.RandomDigest()), System.Text.Encoding.UTF8, "application/json");

        await ProblemAssert.IsUnauthorizedAsync(await Api.Client.PostAsync(NoticesApi.Prefix, content), tokenRejected: false);
        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{Guid.CreateVersion7()}"), tokenRejected: false);
    }
}
