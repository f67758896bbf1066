using NoticeChain.Storage.Sqlite;
using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Sqlite;

/// <summary>A real SQLite file in a fresh temporary folder per test, deleted afterwards.</summary>
public sealed class SqliteStoreFactory : IStoreFactory
{
    public SqliteStoreFactory()
    {
        Folder = Directory.CreateTempSubdirectory("noticechain-store-");
    }

    public DirectoryInfo Folder { get; }

    public string DatabasePath => Path.Combine(Folder.FullName, "noticechain.db");

    public async Task<StoreUnderTest> OpenAsync(TimeProvider timeProvider)
    {
        var store = await SqliteNoticeStore.OpenAsync(DatabasePath, timeProvider);
        return new StoreUnderTest(store, store, store, store);
    }

    public ValueTask DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
