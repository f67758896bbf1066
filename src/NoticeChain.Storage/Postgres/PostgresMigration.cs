namespace NoticeChain.Storage.Postgres;

/// <summary>One schema migration: an embedded SQL file <c>NNNN-what.sql</c>.</summary>
/// <param name="Version">The schema version the migration leads to (NNNN).</param>
/// <param name="Name">The file name, for error messages.</param>
/// <param name="Sql">The statements.</param>
internal sealed record PostgresMigration(int Version, string Name, string Sql);
