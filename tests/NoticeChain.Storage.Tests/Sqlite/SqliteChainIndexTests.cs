using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Sqlite;

public sealed class SqliteChainIndexTests : ChainIndexContract<SqliteStoreFactory>;
