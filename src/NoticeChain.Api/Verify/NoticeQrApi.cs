using Microsoft.Extensions.Options;
using NoticeChain.Api.Authorization;
using NoticeChain.Api.Notices;
using NoticeChain.Core.Notices;

namespace NoticeChain.Api.Verify;

/// <summary><c>GET /api/v1/notices/{id}/qr?format=svg|png</c>: the QR code of one of the caller's notices.</summary>
/// <remarks>Authorized like reading the notice (<see cref="NoticesApi.NoticesRead"/>): another authority's notice is
/// 404, indistinguishable from one that does not exist.</remarks>
internal static class NoticeQrApi
{
    /// <summary>The formats, the first being the default.</summary>
    private static readonly string[] Formats = ["svg", "png"];

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapNoticeQr(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(NoticesApi.Prefix + "/{id}/qr", GetQrAsync)
            .RequireAuthorization(NoticesApi.NoticesRead)
            .WithTags("Notices")
            .WithName("GetNoticeQrCode")
            .WithSummary("The notice's QR code (svg, the default, or png), linking to <Verify:PublicBaseUrl>/n/<id>.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> GetQrAsync(
        string id,
        string? format,
        AuthorityContext caller,
        INoticeStore store,
        IOptions<VerifyOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        NoticeFields.TryNoticeId(id, "id", errors, out var noticeId);
        format ??= Formats[0];
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            errors.Add("format", "The format is svg or png.");
        }

        if (errors.Any)
        {
            return NoticeProblems.For(StatusCodes.Status400BadRequest, errors);
        }

        if (await store.GetAsync(caller.RequiredAuthority, noticeId, cancellationToken).ConfigureAwait(false) is null)
        {
            return NoticeProblems.For(StatusCodes.Status404NotFound, "id", "The authority has no notice with this id.");
        }

        var link = NoticeQrCode.Link(options.Value.PublicBaseUrl, noticeId);
        return format == "png"
            ? TypedResults.Bytes(NoticeQrCode.Png(link), "image/png")
            : TypedResults.Text(NoticeQrCode.Svg(link), "image/svg+xml; charset=utf-8");
    }
}
