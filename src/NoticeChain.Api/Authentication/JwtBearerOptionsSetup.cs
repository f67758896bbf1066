using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using NoticeChain.Auth;

namespace NoticeChain.Api.Authentication;

/// <summary>Turns the validated <see cref="AuthOptions"/> into JwtBearer's token validation rules.</summary>
/// <remarks>
/// The same rules hold in both modes; only the trusted keys, issuer and audience differ. Algorithms are pinned
/// (ES256 in development; RS256 and ES256 in production), so <c>alg=none</c> and HMAC tokens are refused
/// before a key is tried, which closes the classic RS256/HS256 confusion of verifying an HMAC made with the
/// public key as its secret; symmetric keys are also refused outright, should a provider's JWKS publish one.
/// Issuer, audience, expiry and signature are all required, with at most 30 seconds of clock skew.
/// Inbound claims keep their JWT names (<c>scope</c>, <c>role</c>, <c>authority</c>) instead of being mapped
/// to WS-Federation URIs, so that docs/api-auth.md names exactly what the code reads.
/// </remarks>
internal sealed class JwtBearerOptionsSetup(IOptions<AuthOptions> auth, DevSigningKeyProvider devKey, IHttpClientFactory httpClients)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>The named HTTP client that fetches a JWKS document.</summary>
    public const string JwksHttpClient = "NoticeChain.Jwks";

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = auth.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.SaveToken = false;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = BearerEvents.CheckAuthorityClaim,
            OnChallenge = BearerEvents.WriteChallenge,
        };
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            RequireAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeyValidator = (key, _, _) => key is not SymmetricSecurityKey,
            ClockSkew = settings.ClockSkew,
            NameClaimType = TokenClaimNames.Subject,
            RoleClaimType = TokenClaimNames.Role,
        };

        if (settings.ParsedMode == AuthMode.Development)
        {
            parameters.ValidIssuer = DevTokenDefaults.Issuer;
            parameters.ValidAudience = DevTokenDefaults.Audience;
            parameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256];
            parameters.IssuerSigningKey = devKey.VerificationKey;
        }
        else
        {
            parameters.ValidIssuer = settings.Issuer;
            parameters.ValidAudience = settings.Audience;
            parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            ConfigureKeySource(settings, options);
        }

        options.TokenValidationParameters = parameters;
    }

    private void ConfigureKeySource(AuthOptions settings, JwtBearerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            var authority = new Uri(settings.Authority);
            options.Authority = authority.ToString();
            options.RequireHttpsMetadata = !authority.IsLoopback;
            return;
        }

        var jwks = new Uri(settings.JwksUrl!);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(JwksHttpClient)) { RequireHttps = !jwks.IsLoopback };
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(jwks.ToString(), new JwksConfigurationRetriever(), retriever);
    }
}
