using NoticeChain.Storage.Postgres;

namespace NoticeChain.Storage.Tests.Postgres;

/// <summary>A bad connection string is refused with a reason that never repeats the string, which may hold a password.</summary>
public sealed class PostgresConnectionStringTests
{
    private const string Secret = "s3cr3t-Pa55word";

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Host=db.example;Password=" + Secret, "no Database")]
    [InlineData("Database=noticechain;Password=" + Secret, "no Host")]
    [InlineData("Host=db.example;Database=x;Port=" + Secret, "cannot be parsed")]
    [InlineData("Host=db.example;Database=x;Passwort=" + Secret, "cannot be parsed")]
    [InlineData("just some text with " + Secret, "cannot be parsed")]
    public async Task An_unusable_connection_string_is_refused_without_being_quoted(string connectionString, string reason)
    {
        Assert.False(PostgresNoticeStoreOptions.TryValidate(connectionString, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ArgumentException>(
            () => PostgresNoticeStore.OpenAsync(new PostgresNoticeStoreOptions { ConnectionString = connectionString }, TimeProvider.System));
        Assert.DoesNotContain(Secret, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_connection_string_is_accepted_and_the_options_never_print_it()
    {
        var connectionString = "Host=127.0.0.1;Port=5432;Username=noticechain;Password=" + Secret + ";Database=noticechain";

        Assert.True(PostgresNoticeStoreOptions.TryValidate(connectionString, out var error));
        Assert.Null(error);
        Assert.DoesNotContain(Secret, new PostgresNoticeStoreOptions { ConnectionString = connectionString }.ToString(), StringComparison.Ordinal);
    }
}
