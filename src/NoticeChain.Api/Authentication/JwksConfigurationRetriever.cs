using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace NoticeChain.Api.Authentication;

/// <summary>Reads a bare JWKS document (RFC 7517 section 5) as a key-only OIDC configuration.</summary>
/// <remarks>
/// JwtBearer fetches keys through a configuration manager that expects OIDC discovery; some providers (and
/// self-hosted signers) publish only a JWKS. Wrapping the set in a configuration keeps JwtBearer's caching and
/// its refresh when a token names an unknown <c>kid</c>, so key rotation at the provider needs no restart.
/// Symmetric (<c>oct</c>) keys are dropped: a JWKS is public, so a shared secret in it would let anyone sign.
/// </remarks>
internal sealed class JwksConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var json = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        var keys = new JsonWebKeySet(json);
        var configuration = new OpenIdConnectConfiguration { JwksUri = address, JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys().Where(k => k is not SymmetricSecurityKey))
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
