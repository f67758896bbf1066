using System.Net;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;
using NoticeChain.Cli;

namespace NoticeChain.Api.Tests.Cli;

/// <summary><c>noticechain token</c>, run in-process, against the API on real Kestrel sharing its data folder.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("noticechain-token-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task A_token_minted_for_an_authority_code_is_accepted_by_the_api_with_both_scopes()
    {
        await using var api = await ApiServer.StartAsync(dataFolder: _data.FullName);

        var result = await RunAsync("token", "--authority", TestAuthorities.BauamtCode, "--data", _data.FullName);

        Assert.Equal(CliApp.Success, result.Code);
        var me = await MeAsync(api, result.Token);
        Assert.Equal(TestAuthorities.Bauamt.ToString(), me.GetProperty("authority").GetString());
        Assert.Equal(["notices-write", "notices-revoke"], me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_command_creates_a_missing_key_and_an_api_started_later_trusts_it()
    {
        var result = await RunAsync("token", "--authority", TestAuthorities.Bauamt.ToString(), "--data", _data.FullName);
        Assert.Equal(CliApp.Success, result.Code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DevTokenDefaults.KeyFileIn(_data.FullName)));

        await using var api = await ApiServer.StartAsync(dataFolder: _data.FullName);

        Assert.Equal(TestAuthorities.Bauamt.ToString(), (await MeAsync(api, result.Token)).GetProperty("authority").GetString());
    }

    [Fact]
    public async Task Standard_output_holds_the_token_and_nothing_else()
    {
        var result = await RunAsync("token", "--authority", TestAuthorities.BauamtCode, "--data", _data.FullName);

        Assert.Equal(result.Token + Environment.NewLine, result.Output);
        Assert.Equal(3, result.Token.Split('.').Length);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task A_governance_token_carries_the_role_and_no_authority()
    {
        await using var api = await ApiServer.StartAsync(dataFolder: _data.FullName);

        var result = await RunAsync("token", "--governance", "--data", _data.FullName);

        var me = await MeAsync(api, result.Token);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("authority").ValueKind);
        Assert.True(me.GetProperty("governance").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await api.GetAsync("/api/v1/me/permissions/governance", result.Token)).StatusCode);
    }

    [Fact]
    public async Task A_token_with_only_notices_write_cannot_revoke()
    {
        await using var api = await ApiServer.StartAsync(dataFolder: _data.FullName);

        var result = await RunAsync("token", "--authority", TestAuthorities.BauamtCode, "--scope", "notices:write", "--data", _data.FullName);

        Assert.Equal(HttpStatusCode.NoContent, (await api.GetAsync("/api/v1/me/permissions/notices-write", result.Token)).StatusCode);
        await ProblemAssert.IsForbiddenAsync(await api.GetAsync("/api/v1/me/permissions/notices-revoke", result.Token));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("00:10:00", 600)]
    public async Task The_lifetime_sets_the_expiry(string lifetime, long seconds)
    {
        var result = await RunAsync("token", "--authority", TestAuthorities.BauamtCode, "--lifetime", lifetime, "--data", _data.FullName);

        Assert.Equal(CliApp.Success, result.Code);
        var claims = RawJwt.Payload(result.Token);
        Assert.Equal(seconds, claims["exp"].GetInt64() - claims["iat"].GetInt64());
    }

    [Theory]
    [InlineData("A token needs --authority", "token")]
    [InlineData("'notices:delete' is not a scope", "token", "--authority", "05562004-BAU", "--scope", "notices:delete")]
    [InlineData("Scopes act for an authority", "token", "--governance", "--scope", "notices:write")]
    [InlineData("not a non-zero 32-byte id", "token", "--authority", "0x1234")]
    [InlineData("not a non-zero 32-byte id", "token", "--authority", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("--lifetime '48h'", "token", "--authority", "05562004-BAU", "--lifetime", "48h")]
    [InlineData("--lifetime 'soon'", "token", "--authority", "05562004-BAU", "--lifetime", "soon")]
    [InlineData("--lifetime '0s'", "token", "--authority", "05562004-BAU", "--lifetime", "0s")]
    [InlineData("--lifetime '99999999999d'", "token", "--authority", "05562004-BAU", "--lifetime", "99999999999d")]
    public async Task Bad_input_is_an_error_with_nothing_on_standard_output(string message, params string[] args)
    {
        var result = await RunAsync([.. args, "--data", _data.FullName]);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Empty(result.Output);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_file_other_users_can_read_is_an_error()
    {
        var path = DevTokenDefaults.KeyFileIn(_data.FullName);
        DevSigningKey.LoadOrCreate(path).Dispose();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var result = await RunAsync("token", "--authority", TestAuthorities.BauamtCode, "--data", _data.FullName);

        Assert.Equal(CliApp.Error, result.Code);
        Assert.Contains("chmod 600", result.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> MeAsync(ApiServer api, string token)
    {
        var response = await api.GetAsync("/api/v1/me", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<(int Code, string Output, string Error, string Token)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString(), output.ToString().Trim());
    }
}
