using NoticeChain.Storage;

namespace NoticeChain.Api.Notices;

/// <summary>Which database the API keeps its notices in: the <c>Store</c> section.</summary>
/// <remarks>
/// <c>Store:Provider</c> (<c>NOTICECHAIN__Store__Provider</c>) is <c>sqlite</c> (the default: <c>noticechain.db</c> in
/// the data folder) or <c>postgres</c>, which needs <c>Store:ConnectionString</c>
/// (<c>NOTICECHAIN__Store__ConnectionString</c>), an Npgsql connection string. The connection string may hold a
/// password: it is never logged, printed or put into an error message.
/// </remarks>
internal sealed class StoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Store";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The PostgreSQL connection string; only with <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Reads the section from <paramref name="configuration"/>.</summary>
    public static StoreOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new StoreOptions { Provider = section[nameof(Provider)], ConnectionString = section[nameof(ConnectionString)] };
    }

    /// <summary>The store settings, with <paramref name="sqlitePath"/> for SQLite; or the reasons they are unusable.</summary>
    public IReadOnlyList<string> TryBuild(string sqlitePath, out NoticeStoreSettings? settings)
    {
        settings = null;
        if (!NoticeStoreSettings.TryParseProvider(Provider, out var provider))
        {
            return [$"Store:Provider must be one of {string.Join(", ", NoticeStoreSettings.ProviderNames.Select(n => $"'{n}'"))} (NOTICECHAIN__Store__Provider); it is '{Provider}'."];
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (provider == NoticeStoreProvider.Sqlite && hasConnectionString)
        {
            return ["Store:ConnectionString is set, but Store:Provider is 'sqlite', which keeps its database in the data folder: set Store:Provider to 'postgres' (NOTICECHAIN__Store__Provider) or remove the connection string."];
        }

        if (provider == NoticeStoreProvider.Postgres && !hasConnectionString)
        {
            return ["Store:ConnectionString (NOTICECHAIN__Store__ConnectionString) is required when Store:Provider is 'postgres'."];
        }

        var candidate = provider == NoticeStoreProvider.Postgres
            ? new NoticeStoreSettings { Provider = provider, PostgresConnectionString = ConnectionString }
            : new NoticeStoreSettings { Provider = provider, SqlitePath = sqlitePath };
        if (!candidate.TryValidate(out var error))
        {
            return [$"Store:ConnectionString is not usable: {error}."];
        }

        settings = candidate;
        return [];
    }

    /// <summary>Describes the options without the connection string.</summary>
    public override string ToString() =>
        $"StoreOptions {{ Provider = {Provider}, ConnectionString = {(ConnectionString is null ? "null" : "[redacted]")} }}";
}
