using System.Net;
using System.Xml.Linq;
using NoticeChain.Api.Notices;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Api.Tests.Notices;
using NoticeChain.Api.Verify;
using NoticeChain.Auth;
using QRCoder;

namespace NoticeChain.Api.Tests.Verify;

/// <summary><c>GET /api/v1/notices/{id}/qr</c>: the authority's QR code, linking to <c>&lt;PublicBaseUrl&gt;/n/&lt;id&gt;</c>.</summary>
public sealed class NoticeQrTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task The_png_shows_exactly_the_modules_of_the_link_to_the_notice()
    {
        var caller = NoticeCaller.Create(Api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();

        var response = await caller.GetAsync($"{NoticesApi.Prefix}/{id}/qr?format=png");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(PngModules.HasSignature(png));
        var shown = PngModules.Read(png, NoticeQrCode.PixelsPerModule);
        Assert.True(SameModules(shown, $"http://127.0.0.1:5080/n/{id}"), "The PNG does not encode the notice's link.");
        Assert.False(SameModules(shown, $"http://127.0.0.1:5080/n/{Core.Notices.NoticeId.New(TimeProvider.System)}"), "The comparison cannot tell links apart.");
    }

    [Fact]
    public async Task The_svg_is_the_default_valid_xml_and_encodes_the_configured_public_address()
    {
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Verify:PublicBaseUrl"] = "https://pruefen.example.org/bescheide/" });
        var caller = NoticeCaller.Create(api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();

        var response = await caller.GetAsync($"{NoticesApi.Prefix}/{id}/qr");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), XDocument.Parse(svg).Root?.Name);
        using var expected = new QRCodeGenerator().CreateQrCode($"https://pruefen.example.org/bescheide/n/{id}", QRCodeGenerator.ECCLevel.M);
        Assert.Equal(new SvgQRCode(expected).GetGraphic(NoticeQrCode.PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true), svg);
        var png = await (await caller.GetAsync($"{NoticesApi.Prefix}/{id}/qr?format=png")).Content.ReadAsByteArrayAsync();
        Assert.True(SameModules(PngModules.Read(png, NoticeQrCode.PixelsPerModule), $"https://pruefen.example.org/bescheide/n/{id}"));
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("SVG")]
    [InlineData("")]
    public async Task An_unknown_format_is_400_naming_format(string format)
    {
        var caller = NoticeCaller.Create(Api);
        var id = (await caller.RegisterAsync()).GetProperty("id").GetString();

        await NoticeCaller.AssertFieldProblemAsync(await caller.GetAsync($"{NoticesApi.Prefix}/{id}/qr?format={format}"), HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task Another_authoritys_notice_or_an_unknown_one_is_404_and_a_malformed_id_400()
    {
        var owner = NoticeCaller.Create(Api);
        var id = (await owner.RegisterAsync()).GetProperty("id").GetString();
        var other = NoticeCaller.Create(Api);

        await NoticeCaller.AssertFieldProblemAsync(await other.GetAsync($"{NoticesApi.Prefix}/{id}/qr"), HttpStatusCode.NotFound, "id");
        await NoticeCaller.AssertFieldProblemAsync(
            await owner.GetAsync($"{NoticesApi.Prefix}/{Core.Notices.NoticeId.New(TimeProvider.System)}/qr"), HttpStatusCode.NotFound, "id");
        await NoticeCaller.AssertFieldProblemAsync(await owner.GetAsync($"{NoticesApi.Prefix}/nope/qr"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task It_needs_a_token_with_a_notice_scope()
    {
        var owner = NoticeCaller.Create(Api);
        var id = (await owner.RegisterAsync()).GetProperty("id").GetString();
        var governance = Api.Mint(new DevTokenRequest(owner.Authority, [], Governance: true, TimeSpan.FromMinutes(5)));

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{id}/qr"), tokenRejected: false);
        await ProblemAssert.IsForbiddenAsync(await Api.GetAsync($"{NoticesApi.Prefix}/{id}/qr", governance));
        Assert.Equal(HttpStatusCode.OK, (await NoticeCaller.For(Api, owner.Authority, TokenScopes.NoticesRevoke).GetAsync($"{NoticesApi.Prefix}/{id}/qr")).StatusCode);
    }

    /// <summary>Whether the grid equals QRCoder's own module matrix (quiet zone included) for <paramref name="link"/>.</summary>
    private static bool SameModules(bool[,] shown, string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        if (matrix.Count != shown.GetLength(0) || matrix.Count != shown.GetLength(1))
        {
            return false;
        }

        for (var y = 0; y < matrix.Count; y++)
        {
            for (var x = 0; x < matrix.Count; x++)
            {
                if (matrix[y][x] != shown[y, x])
                {
                    return false;
                }
            }
        }

        return true;
    }
}
