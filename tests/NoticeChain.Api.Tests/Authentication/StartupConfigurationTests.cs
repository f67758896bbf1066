using System.Diagnostics;
using NoticeChain.Api.Hosting;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Authentication;

/// <summary>Invalid authentication settings stop the start with a message naming the setting, before anything is written.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("noticechain-api-config-");

    public void Dispose() => _data.Delete(recursive: true);

    public static TheoryData<string[], string[]> InvalidSettings => new()
    {
        { ["Auth:Mode="], ["Auth:Mode is required"] },
        { ["Auth:Mode=Prod"], ["Auth:Mode is 'Prod'"] },
        { ["Auth:Mode=1"], ["Auth:Mode is '1'"] },
        {
            ["Auth:Mode=Production"],
            ["Auth:Issuer is required", "Auth:Audience is required", "Production mode needs a source of signing keys: Auth:Authority"]
        },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:Audience=noticechain-api"],
            ["Production mode needs a source of signing keys"]
        },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:JwksUrl=https://idp.example.org/jwks"],
            ["Auth:Audience is required"]
        },
        {
            ["Auth:Mode=Production", "Auth:Audience=noticechain-api", "Auth:JwksUrl=https://idp.example.org/jwks"],
            ["Auth:Issuer is required"]
        },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:Audience=noticechain-api",
                "Auth:Authority=https://idp.example.org", "Auth:JwksUrl=https://idp.example.org/jwks"],
            ["both set"]
        },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:Audience=noticechain-api", "Auth:JwksUrl=http://idp.example.org/jwks"],
            ["Auth:JwksUrl is 'http://idp.example.org/jwks'; signing keys are fetched over https only"]
        },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:Audience=noticechain-api", "Auth:Authority=idp.example.org"],
            ["Auth:Authority is 'idp.example.org'; it must be an absolute https URL"]
        },
        { ["Auth:ClockSkew=00:01:00"], ["Auth:ClockSkew is 00:01:00"] },
        { ["Auth:ClockSkew=-00:00:01"], ["Auth:ClockSkew is -00:00:01"] },
        { ["Auth:JwksUrl=https://idp.example.org/jwks"], ["Auth:JwksUrl is set, but Auth:Mode is Development"] },
        { ["Auth:Audience=noticechain-api"], ["Auth:Audience is set, but Auth:Mode is Development"] },
        { ["Data:Folder="], ["Data:Folder must not be empty"] },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:Audience=noticechain-api", "Auth:JwksUrl=https://idp.example.org/jwks"],
            ["NOTICECHAIN__Verify__PublicBaseUrl: in production"]
        },
        {
            ["Auth:Mode=Production", "Auth:Issuer=https://idp.example.org", "Auth:Audience=noticechain-api", "Auth:JwksUrl=https://idp.example.org/jwks",
                "Verify:PublicBaseUrl=http://bescheide.example.org"],
            ["NOTICECHAIN__Verify__PublicBaseUrl: in production"]
        },
        { ["Proxy:TrustedProxies:0=10.0.0.0/33"], ["NOTICECHAIN__Proxy__TrustedProxies"] },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Invalid_settings_stop_the_start_with_a_message_naming_them(string[] settings, string[] expected)
    {
        var app = ApiServer.Build(settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]), _data.FullName);
        await using var disposable = app;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.True(StartupErrors.TryDescribe(failure, out var message), failure.ToString());
        Assert.All(expected, fragment => Assert.Contains(fragment, message, StringComparison.Ordinal));
        Assert.False(File.Exists(DevTokenDefaults.KeyFileIn(_data.FullName)));
    }

    [Fact]
    public async Task A_dev_key_file_readable_by_others_stops_the_start()
    {
        var path = DevTokenDefaults.KeyFileIn(_data.FullName);
        DevSigningKey.LoadOrCreate(path).Dispose();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var app = ApiServer.Build(null, _data.FullName);
        await using var disposable = app;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.True(StartupErrors.TryDescribe(failure, out var message), failure.ToString());
        Assert.Contains("chmod 600", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_failure_is_not_dressed_up_as_a_configuration_error()
    {
        Assert.False(StartupErrors.TryDescribe(new InvalidOperationException("Sequence contains no elements"), out _));
        Assert.False(StartupErrors.TryDescribe(new AggregateException(new DevSigningKeyException("bad key"), new IOException("disk")), out _));
    }

    [Fact]
    public async Task The_api_process_reads_NOTICECHAIN_variables_and_exits_with_a_clear_message_and_no_stack_trace()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(typeof(ApiHost).Assembly.Location);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NOTICECHAIN", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NOTICECHAIN__Auth__Mode"] = "Production";
        start.Environment["NOTICECHAIN__Urls"] = "http://127.0.0.1:0";
        start.Environment["NOTICECHAIN_DATA"] = _data.FullName;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var error = await stderr;
        Assert.StartsWith("NoticeChain API cannot start:", error, StringComparison.Ordinal);
        Assert.Contains("Auth:Issuer is required", error, StringComparison.Ordinal);
        Assert.Contains("Auth:Audience is required", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }
}
