namespace NoticeChain.Api.Notices;

/// <summary>Limits of the notice endpoints (configuration section <c>Notices</c>).</summary>
/// <remarks>
/// Only the upload size is configurable: it depends on the documents an authority issues (scanned plans can be
/// large). The JSON limits follow from the request formats and are fixed in <see cref="NoticeRequestLimits"/>.
/// </remarks>
internal sealed class NoticesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notices";

    /// <summary>The default upload limit, 100 MiB.</summary>
    public const long DefaultMaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>The largest document a multipart upload may carry (<c>Notices:MaxUploadBytes</c>), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}
