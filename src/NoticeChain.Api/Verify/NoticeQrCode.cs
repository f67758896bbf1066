using NoticeChain.Core.Notices;
using QRCoder;

namespace NoticeChain.Api.Verify;

/// <summary>The QR code an authority prints on a notice: the link <c>&lt;public base URL&gt;/n/&lt;notice id&gt;</c>.</summary>
/// <remarks>
/// The link carries the notice id only, never the digest or the salt: scanning it shows status and issuer
/// (<c>GET /api/v1/verify/notices/{id}</c>), and proving that a paper or file is that notice still needs the
/// document itself. Error correction M (15 %) survives a crease or a stamp; 8 pixels per module prints sharply at
/// common resolutions. Both renderings draw the four-module quiet zone the standard asks for.
/// </remarks>
internal static class NoticeQrCode
{
    /// <summary>The error correction level.</summary>
    public const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.M;

    /// <summary>Pixels per module of the PNG and of the SVG's nominal size.</summary>
    public const int PixelsPerModule = 8;

    /// <summary>The link the code encodes.</summary>
    public static string Link(Uri publicBaseUrl, NoticeId id)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/n/" + id;
    }

    /// <summary>The code's modules for <paramref name="link"/>.</summary>
    public static QRCodeData Encode(string link)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link, ErrorCorrection);
    }

    /// <summary>The code as an SVG document, black on white.</summary>
    public static string Svg(string link)
    {
        using var data = Encode(link);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true);
    }

    /// <summary>The code as a PNG image, black on white.</summary>
    public static byte[] Png(string link)
    {
        using var data = Encode(link);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule, drawQuietZones: true);
    }
}
