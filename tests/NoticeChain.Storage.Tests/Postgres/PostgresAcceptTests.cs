using NoticeChain.Storage.Tests.Contract;

namespace NoticeChain.Storage.Tests.Postgres;

public sealed class PostgresAcceptTests : AcceptContract<PostgresStoreFactory>;
