using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace NoticeChain.Auth;

/// <summary>Mints development access tokens: compact JWS (RFC 7515) with ES256, signed by the <see cref="DevSigningKey"/>.</summary>
/// <remarks>
/// Written with the platform's ECDSA rather than the identity-model library the API validates with, so that the
/// API's tests check an independent implementation of the format, as a real identity provider would be. The
/// claims are the ones docs/api-auth.md specifies; the clock is injected so tests can mint tokens that are
/// expired or not yet valid.
/// </remarks>
public sealed class DevTokenMinter
{
    private readonly DevSigningKey _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a minter that signs with <paramref name="key"/> and reads the time from <paramref name="timeProvider"/>.</summary>
    public DevTokenMinter(DevSigningKey key, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _key = key;
        _timeProvider = timeProvider;
    }

    /// <summary>Returns a signed token in compact serialization (<c>header.payload.signature</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is not positive or longer than <see cref="DevTokenDefaults.MaxLifetime"/>.</exception>
    /// <exception cref="ArgumentException">A scope is not one of <see cref="TokenScopes.All"/>.</exception>
    public string Mint(DevTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lifetime <= TimeSpan.Zero || request.Lifetime > DevTokenDefaults.MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Lifetime, $"A dev token lives more than zero and at most {DevTokenDefaults.MaxLifetime.TotalHours} hours.");
        }

        var unknown = request.Scopes.FirstOrDefault(s => !TokenScopes.IsKnown(s));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown scope '{unknown}'; known scopes are {string.Join(", ", TokenScopes.All)}.", nameof(request));
        }

        var now = _timeProvider.GetUtcNow();
        var header = Json(writer =>
        {
            writer.WriteString("alg", DevTokenDefaults.Algorithm);
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", _key.KeyId);
        });
        var payload = Json(writer =>
        {
            writer.WriteString("iss", DevTokenDefaults.Issuer);
            writer.WriteString("aud", DevTokenDefaults.Audience);
            writer.WriteString(TokenClaimNames.Subject, request.Authority?.ToString() ?? TokenRoles.Governance);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", now.Add(request.Lifetime).ToUnixTimeSeconds());
            writer.WriteString("jti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
            if (request.Authority is { } authority)
            {
                writer.WriteString(TokenClaimNames.Authority, authority.ToString());
            }

            if (request.Scopes.Count > 0)
            {
                writer.WriteString(TokenClaimNames.Scope, string.Join(' ', request.Scopes.Distinct(StringComparer.Ordinal)));
            }

            if (request.Governance)
            {
                writer.WriteString(TokenClaimNames.Role, TokenRoles.Governance);
            }
        });
        return Sign(_key, header, payload);
    }

    /// <summary>Signs a header and payload given as JSON bytes with <paramref name="key"/>; the header must name ES256.</summary>
    /// <remarks>Public so tests can sign tokens with unusual claims (no expiry, a malformed authority) under the real key.</remarks>
    public static string Sign(DevSigningKey key, ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signingInput = Base64Url.EncodeToString(headerJson) + "." + Base64Url.EncodeToString(payloadJson);
        Span<byte> signature64 = stackalloc byte[DevSigningKey.SignatureSize];
        key.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput), signature64);
        return signingInput + "." + Base64Url.EncodeToString(signature64);
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
