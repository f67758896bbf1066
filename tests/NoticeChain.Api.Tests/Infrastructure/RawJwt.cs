using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Infrastructure;

/// <summary>Hand-built compact JWS tokens, including the malformed and hostile ones a real signer never makes.</summary>
internal static class RawJwt
{
    /// <summary>Joins header, payload and a signature computed over the signing input by <paramref name="sign"/> (none: empty).</summary>
    public static string Create(IReadOnlyDictionary<string, object?> header, IReadOnlyDictionary<string, object?> payload, Func<byte[], byte[]>? sign)
    {
        var signingInput = Segment(header) + "." + Segment(payload);
        var signature = sign is null ? [] : sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Signs with the API's dev key whatever header and payload a test gives (the header should say ES256).</summary>
    public static string SignWithDevKey(DevSigningKey key, IReadOnlyDictionary<string, object?> header, IReadOnlyDictionary<string, object?> payload) =>
        DevTokenMinter.Sign(key, JsonSerializer.SerializeToUtf8Bytes(header), JsonSerializer.SerializeToUtf8Bytes(payload));

    /// <summary>A header for <paramref name="alg"/>, with the key id if given.</summary>
    public static Dictionary<string, object?> Header(string alg, string? kid = null)
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    /// <summary>Valid development claims for an authority with both scopes, living from a minute ago to ten minutes ahead.</summary>
    public static Dictionary<string, object?> DevClaims(string authority)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object?>
        {
            ["iss"] = DevTokenDefaults.Issuer,
            ["aud"] = DevTokenDefaults.Audience,
            ["sub"] = authority,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 600,
            [TokenClaimNames.Authority] = authority,
            [TokenClaimNames.Scope] = string.Join(' ', TokenScopes.All),
        };
    }

    /// <summary>The payload segment of a compact token, decoded.</summary>
    public static Dictionary<string, JsonElement> Payload(string token) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(token.Split('.')[1]))!;

    /// <summary>The header segment of a compact token, decoded.</summary>
    public static Dictionary<string, JsonElement> HeaderOf(string token) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(token.Split('.')[0]))!;

    private static string Segment(IReadOnlyDictionary<string, object?> value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
