using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Postgres;

public sealed class PostgresLeaseTests : LeaseContract<PostgresStoreFactory>;
