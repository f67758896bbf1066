namespace NoticeChain.Api.Authentication;

/// <summary>Where the API's trusted token signing keys come from.</summary>
internal enum AuthMode
{
    /// <summary>A local ES256 key in the data folder; tokens come from <c>noticechain token</c>.</summary>
    Development,

    /// <summary>An OIDC provider's metadata or a JWKS URL; tokens come from the provider.</summary>
    Production,
}
