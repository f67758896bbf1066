using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Postgres;

public sealed class PostgresChainIndexTests : ChainIndexContract<PostgresStoreFactory>;
