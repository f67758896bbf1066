using Microsoft.AspNetCore.Http.HttpResults;

namespace NoticeChain.Api.CitizenPage;

/// <summary>Serves the citizen verification page at <c>/</c> (and its deep links) from the API's own files.</summary>
/// <remarks>
/// The page is static: everything it shows comes from the public verify API, which its scripts call on the same
/// origin, so the content security policy of <see cref="Hosting.SecurityHeaders"/> needs no exception for it. The page
/// itself is revalidated on every load (<c>no-cache</c> with an entity tag); its assets are immutable under a
/// versioned folder (<see cref="CitizenPageAssets"/>).
/// </remarks>
internal static class CitizenPageEndpoints
{
    private const string PageCacheControl = "no-cache";
    private const string AssetCacheControl = "public, max-age=31536000, immutable";
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps the page, its static assets and the deep links <c>/?d=</c> and <c>/n/{id}</c>.</summary>
    public static WebApplication MapCitizenPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = CitizenPageAssets.Load(typeof(CitizenPageEndpoints).Assembly);

        // /?d=<digest> is the same page: the script reads the query. /n/{id} is the QR code's link; the script reads
        // the id from the path and checks its form itself, so a mistyped link gets an explanation, not a bare 404.
        app.MapMethods("/", GetAndHead, (HttpContext context) => ServePage(context, assets))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapMethods("/n/{id}", GetAndHead, (HttpContext context) => ServePage(context, assets))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapMethods("/assets/{version}/{name}", GetAndHead, (HttpContext context, string version, string name) => ServeAsset(context, assets, version, name))
            .AllowAnonymous()
            .ExcludeFromDescription();

        // A GET of anything else outside /api (a mistyped /n/… link, /favicon.ico, /robots.txt) is a plain 404 for
        // everyone. Unknown /api paths stay behind the fallback authorization policy (anonymous callers cannot map
        // the API); GET and HEAD only, so a wrong method on a real endpoint still gets its 405.
        app.MapFallback("{*path:regex(^(?!api(/|$)).*$)}", (HttpContext context) =>
                TypedResults.Problem(detail: "There is no page at this address.", statusCode: StatusCodes.Status404NotFound))
            .WithMetadata(new HttpMethodMetadata(GetAndHead))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static FileContentHttpResult ServePage(HttpContext context, CitizenPageAssets assets)
    {
        context.Response.Headers.CacheControl = PageCacheControl;
        return Serve(assets.Page);
    }

    private static Results<FileContentHttpResult, NotFound> ServeAsset(HttpContext context, CitizenPageAssets assets, string version, string name)
    {
        if (!assets.TryGetAsset(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        // A page from before a deployment may still ask for the old folder: it gets today's file, just not for keeps.
        context.Response.Headers.CacheControl = string.Equals(version, assets.Version, StringComparison.Ordinal)
            ? AssetCacheControl
            : PageCacheControl;
        return Serve(asset);
    }

    private static FileContentHttpResult Serve(CitizenPageFile file) =>
        TypedResults.Bytes(file.Content, file.ContentType, entityTag: file.ETag);
}
