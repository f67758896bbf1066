namespace NoticeChain.Api.Verify;

/// <summary>Settings of the public verify API and the notices' QR codes (configuration section <c>Verify</c>).</summary>
/// <remarks>
/// The chain the answers name comes from the <c>Chain</c> section (<see cref="Anchoring.ChainOptions.ChainId"/> and
/// <see cref="Anchoring.ChainOptions.Registry"/>): the registry whose events the follower indexes is the one the
/// answers are checked against.
/// </remarks>
internal sealed class VerifyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Verify";

    /// <summary>The default public address of the service, the API's own default URL.</summary>
    public const string DefaultPublicBaseUrl = ApiHost.DefaultUrl;

    /// <summary>The address citizens reach the service at (<c>Verify:PublicBaseUrl</c>); a QR code encodes
    /// <c>&lt;PublicBaseUrl&gt;/n/&lt;notice id&gt;</c>.</summary>
    public Uri PublicBaseUrl { get; set; } = new(DefaultPublicBaseUrl);

    /// <summary>The largest document <c>POST /api/v1/verify/file</c> hashes (<c>Verify:MaxUploadBytes</c>), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = Notices.NoticesOptions.DefaultMaxUploadBytes;

    /// <summary>The per-client limits of the public endpoints (<c>Verify:RateLimit</c>).</summary>
    public VerifyRateLimitOptions RateLimit { get; set; } = new();
}
