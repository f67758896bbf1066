using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Sqlite;

public sealed class SqliteLeaseTests : LeaseContract<SqliteStoreFactory>;
