using System.Net;
using System.Text.RegularExpressions;
using NoticeChain.Api.Hosting;
using NoticeChain.Api.Tests.Infrastructure;

namespace NoticeChain.Api.Tests.CitizenPage;

/// <summary>The citizen page's files as the API serves them: routes, content types, caching and the CSP they must live with.</summary>
public sealed partial class CitizenPageEndpointsTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Theory]
    [InlineData("/")]
    [InlineData("/?d=adbbfbc49e4920150cffe624cf3bbcf2267f0f8cfd1e3fc0ec651c05fc546e9a")]
    [InlineData("/n/019ab3f2-6c1e-7d3a-9b4e-2f1c0a9e8d7b")]
    [InlineData("/n/not-a-notice-id")]
    public async Task The_page_is_served_without_a_token_at_its_deep_links(string path)
    {
        using var response = await Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl?.NoCache, "the page is revalidated on every load");
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join("; ", response.Headers.GetValues("Content-Security-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%ASSETS%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_loads_nothing_from_elsewhere()
    {
        var html = await PageAsync();

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.All(AssetReferences().Matches(html), m => Assert.StartsWith("/assets/", m.Groups["url"].Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_asset_the_page_and_its_modules_name_is_served_with_its_type_and_cached_for_good()
    {
        var html = await PageAsync();
        var pending = new Queue<string>(AssetReferences().Matches(html).Select(m => m.Groups["url"].Value));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var url))
        {
            if (!seen.Add(url))
            {
                continue;
            }

            using var response = await Api.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal(ExpectedType(url), response.Content.Headers.ContentType?.MediaType);
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.Public && cache.MaxAge == TimeSpan.FromDays(365) && cache.Extensions.Any(e => e.Name == "immutable"), $"{url}: Cache-Control {cache}");
            if (url.EndsWith(".js", StringComparison.Ordinal))
            {
                var folder = url[..(url.LastIndexOf('/') + 1)];
                foreach (Match import in ModuleImports().Matches(await response.Content.ReadAsStringAsync()))
                {
                    pending.Enqueue(folder + import.Groups["name"].Value);
                }
            }
        }

        Assert.Contains(seen, url => url.EndsWith("/merkle.js", StringComparison.Ordinal));
        Assert.Contains(seen, url => url.EndsWith("/style.css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_request_with_the_entity_tag_is_not_modified()
    {
        using var first = await Api.GetAsync("/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task An_asset_of_another_version_is_served_but_not_cached_for_good()
    {
        using var response = await Api.GetAsync("/assets/000000000000/app.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/assets/000000000000/missing.js")]
    [InlineData("/assets/000000000000/..%2Findex.html")]
    public async Task An_asset_that_does_not_exist_is_not_found(string path)
    {
        using var response = await Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/n/019ab3f2-6c1e-7d3a-9b4e-2f1c0a9e8d7b/extra")]
    [InlineData("/favicon.ico")]
    [InlineData("/robots.txt")]
    [InlineData("/apiary")]
    public async Task An_address_outside_the_api_that_is_no_page_is_a_404_problem_without_a_token(string path)
    {
        using var response = await Api.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api")]
    public async Task An_unknown_api_address_stays_closed_to_anonymous_callers(string path)
    {
        using var response = await Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> PageAsync()
    {
        using var response = await Api.GetAsync("/");
        return await response.Content.ReadAsStringAsync();
    }

    private static string ExpectedType(string url) => Path.GetExtension(url) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        ".svg" => "image/svg+xml",
        _ => throw new InvalidOperationException($"unexpected asset {url}"),
    };

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex AssetReferences();

    [GeneratedRegex(@"from '\./(?<name>[a-z0-9-]+\.js)'")]
    private static partial Regex ModuleImports();
}
