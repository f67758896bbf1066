using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using NoticeChain.Api.Hosting;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.Notices;

/// <summary>The <c>Store</c> settings: SQLite by default, PostgreSQL on request, and a connection string (which may hold
/// a password) never in a message or a log line.</summary>
/// <remarks>The PostgreSQL test uses the throwaway server scripts/test.sh starts (<c>NOTICECHAIN_TEST_POSTGRES</c>) and
/// fails, saying so, without it.</remarks>
public sealed class StoreProviderTests : IDisposable
{
    private const string Secret = "pg-Pa55word-never-shown";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("noticechain-api-store-");

    public static TheoryData<string[], string> InvalidSettings => new()
    {
        { ["Store:Provider=mysql"], "Store:Provider must be one of 'sqlite', 'postgres'" },
        { ["Store:Provider=postgres"], "Store:ConnectionString (NOTICECHAIN__Store__ConnectionString) is required" },
        { ["Store:ConnectionString=Host=db;Database=x;Password=" + Secret], "Store:ConnectionString is set, but Store:Provider is 'sqlite'" },
        { ["Store:Provider=postgres", "Store:ConnectionString=Host=db;Password=" + Secret], "names no Database" },
        { ["Store:Provider=Postgres", "Store:ConnectionString=Host=db;Database=x;Passwort=" + Secret], "cannot be parsed" },
    };

    public void Dispose() => _data.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Invalid_store_settings_stop_the_start_naming_the_setting_but_never_the_connection_string(string[] settings, string expected)
    {
        var logs = new CapturingLoggerProvider();
        var app = ApiServer.Build(settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]), _data.FullName, configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        await using var disposable = app;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.True(StartupErrors.TryDescribe(failure, out var message), failure.ToString());
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_data.FullName, NoticeStoreHost.DatabaseFileName)));
    }

    [Fact]
    public async Task Without_store_settings_the_API_keeps_its_notices_in_SQLite_in_the_data_folder()
    {
        await using var api = await ApiServer.StartAsync(dataFolder: _data.FullName);

        await NoticeCaller.Create(api).RegisterAsync();

        Assert.True(File.Exists(Path.Combine(_data.FullName, NoticeStoreHost.DatabaseFileName)));
    }

    [Fact]
    public async Task With_the_postgres_provider_the_API_keeps_its_notices_in_PostgreSQL()
    {
        var server = Environment.GetEnvironmentVariable("NOTICECHAIN_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("This test needs a PostgreSQL server: run scripts/test.sh, which starts one and sets NOTICECHAIN_TEST_POSTGRES.");
        var database = "noticechain_api_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\";");
        try
        {
            // The test server trusts local connections, so the password is ignored there; it is here to be looked for.
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Password = Secret }.ToString();
            var logs = new CapturingLoggerProvider();
            var settings = new Dictionary<string, string?> { ["Store:Provider"] = "postgres", ["Store:ConnectionString"] = connectionString };
            string id;
            await using (var api = await ApiServer.StartAsync(settings, _data.FullName, configure: builder =>
            {
                builder.Logging.AddProvider(logs);
                builder.Logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
            }))
            {
                var caller = NoticeCaller.Create(api);
                id = (await caller.RegisterAsync()).GetProperty("id").GetString()!;
                Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"{NoticesApi.Prefix}/{id}")).StatusCode);
            }

            var stored = await ScalarAsync(connectionString, $"SELECT count(*) FROM notices WHERE id = '{id}';");
            Assert.Equal(1L, stored);
            Assert.False(File.Exists(Path.Combine(_data.FullName, NoticeStoreHost.DatabaseFileName)));
            Assert.NotEmpty(logs.Lines);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql) => await ScalarAsync(connectionString, sql);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
