namespace NoticeChain.Storage.Tests.Contract;

/// <summary>Gives the contract tests one fresh database per test class instance (that is, per test).</summary>
/// <remarks>
/// An implementation (SQLite today, PostgreSQL later) provides one of these and derives one class from each
/// contract suite with it; the suites then run unchanged against it.
/// </remarks>
public interface IStoreFactory : IAsyncDisposable
{
    /// <summary>Opens the test's database; a second call after disposing the first store reopens the same database.</summary>
    Task<StoreUnderTest> OpenAsync(TimeProvider timeProvider);
}
