using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using NoticeChain.Api.Authorization;
using NoticeChain.Api.Hosting;

namespace NoticeChain.Api.Authentication;

/// <summary>JwtBearer events: the authority claim's shape, and 401 answers as problem+json.</summary>
internal static class BearerEvents
{
    /// <summary>Fails authentication for a token whose <c>authority</c> claim is malformed or repeated.</summary>
    public static Task CheckAuthorityClaim(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is null || !AuthorityClaims.TryReadAuthority(context.Principal, out _))
        {
            context.Fail(new InvalidAuthorityClaimException());
        }

        return Task.CompletedTask;
    }

    /// <summary>Answers 401 with a problem body and an RFC 6750 section 3 <c>WWW-Authenticate</c> header.</summary>
    /// <remarks>
    /// Without a token the header is a bare <c>Bearer</c> challenge; with a rejected one it adds
    /// <c>error="invalid_token"</c>. Why a token failed (signature, issuer, audience) is logged, not told: an
    /// attacker probing the validation learns nothing, an integrator reads the API's log or checks the claims.
    /// Expiry and a malformed authority claim are named, because they are the caller's everyday mistakes.
    /// </remarks>
    public static Task WriteChallenge(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        context.Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var detail = failure switch
        {
            null => "This endpoint needs a bearer token: send 'Authorization: Bearer <token>'.",
            SecurityTokenExpiredException => "The bearer token has expired.",
            InvalidAuthorityClaimException e => e.Message,
            _ => "The bearer token is not valid: it is malformed, not yet valid, issued for another audience or by another issuer, or not signed by a trusted key.",
        };
        return Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, detail);
    }
}
