using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Authentication;

/// <summary>
/// Which tokens the API accepts, on real Kestrel in development mode: only ES256 tokens signed by the dev key,
/// for the dev issuer and audience, within their lifetime (30 s skew). Everything else is 401 problem+json.
/// </summary>
public sealed class BearerTokenValidationTests(DevApiFixture fixture) : IClassFixture<DevApiFixture>
{
    private const string Me = "/api/v1/me";

    private ApiServer Api => fixture.Server;

    [Fact]
    public async Task A_valid_dev_token_is_accepted()
    {
        var response = await Api.GetAsync(Me, Api.Mint(TestAuthorities.Full()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(TestAuthorities.Bauamt.ToString(), me.GetProperty("authority").GetString());
    }

    [Fact]
    public async Task A_request_without_a_token_is_challenged_without_an_error_code()
    {
        var response = await Api.GetAsync(Me);

        var problem = await ProblemAssert.IsUnauthorizedAsync(response, tokenRejected: false);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_authorization_scheme_is_challenged_like_a_missing_token()
    {
        var response = await Api.SendAsync(Me, new AuthenticationHeaderValue("Basic", Convert.ToBase64String("user:password"u8)));

        await ProblemAssert.IsUnauthorizedAsync(response, tokenRejected: false);
    }

    [Fact]
    public async Task A_token_expired_beyond_the_skew_is_rejected()
    {
        // Valid for one minute, ended 60 s ago: outside the 30 s skew.
        var token = Api.Mint(TestAuthorities.Full() with { Lifetime = TimeSpan.FromMinutes(1) }, clockShift: TimeSpan.FromSeconds(-120));

        var problem = await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
        Assert.Equal("The bearer token has expired.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_expired_within_the_skew_is_still_accepted()
    {
        // Ended 20 s ago: inside the 30 s skew a provider's and our clocks may differ by.
        var token = Api.Mint(TestAuthorities.Full() with { Lifetime = TimeSpan.FromMinutes(1) }, clockShift: TimeSpan.FromSeconds(-80));

        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(Me, token)).StatusCode);
    }

    [Fact]
    public async Task A_token_not_yet_valid_beyond_the_skew_is_rejected()
    {
        var token = Api.Mint(TestAuthorities.Full(), clockShift: TimeSpan.FromSeconds(90));

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Fact]
    public async Task A_token_without_expiry_is_rejected()
    {
        using var key = Api.LoadDevKey();
        var claims = RawJwt.DevClaims(TestAuthorities.Bauamt.ToString());
        claims.Remove("exp");

        var token = RawJwt.SignWithDevKey(key, RawJwt.Header("ES256", key.KeyId), claims);

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Theory]
    [InlineData("aud", "another-api")]
    [InlineData("aud", null)]
    [InlineData("iss", "https://idp.example.org")]
    [InlineData("iss", null)]
    public async Task A_token_for_another_audience_or_from_another_issuer_is_rejected(string claim, string? value)
    {
        using var key = Api.LoadDevKey();
        var claims = RawJwt.DevClaims(TestAuthorities.Bauamt.ToString());
        claims[claim] = value;
        if (value is null)
        {
            claims.Remove(claim);
        }

        var token = RawJwt.SignWithDevKey(key, RawJwt.Header("ES256", key.KeyId), claims);

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Fact]
    public async Task The_same_claims_signed_by_the_dev_key_are_accepted()
    {
        // Guards the tests around it: the hand-built tokens fail for the one thing they change, not for their shape.
        using var key = Api.LoadDevKey();

        var token = RawJwt.SignWithDevKey(key, RawJwt.Header("ES256", key.KeyId), RawJwt.DevClaims(TestAuthorities.Bauamt.ToString()));

        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(Me, token)).StatusCode);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task An_unsigned_token_is_rejected(string alg)
    {
        using var key = Api.LoadDevKey();

        var token = RawJwt.Create(RawJwt.Header(alg, key.KeyId), RawJwt.DevClaims(TestAuthorities.Bauamt.ToString()), sign: null);

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Theory]
    [InlineData("spki-der")]
    [InlineData("spki-pem")]
    [InlineData("public-jwk")]
    [InlineData("uncompressed-point")]
    [InlineData("any-secret")]
    public async Task An_HS256_token_is_rejected_even_with_the_public_key_as_secret(string secretKind)
    {
        // The classic algorithm confusion: an HMAC keyed with the (public) verification key's bytes.
        using var key = Api.LoadDevKey();
        var secret = Secret(key, secretKind);

        var token = RawJwt.Create(RawJwt.Header("HS256", key.KeyId), RawJwt.DevClaims(TestAuthorities.Bauamt.ToString()),
            input => HMACSHA256.HashData(secret, input));

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_RS256_token_signed_by_an_unknown_key_is_rejected(bool claimTheDevKeyId)
    {
        using var key = Api.LoadDevKey();
        using var rsa = RSA.Create(2048);

        var token = RawJwt.Create(RawJwt.Header("RS256", claimTheDevKeyId ? key.KeyId : "attacker"), RawJwt.DevClaims(TestAuthorities.Bauamt.ToString()),
            input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Fact]
    public async Task An_ES256_token_signed_by_another_P256_key_under_the_dev_key_id_is_rejected()
    {
        using var key = Api.LoadDevKey();
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var token = RawJwt.Create(RawJwt.Header("ES256", key.KeyId), RawJwt.DevClaims(TestAuthorities.Bauamt.ToString()),
            input => attacker.SignData(input, HashAlgorithmName.SHA256));

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Fact]
    public async Task A_key_embedded_in_the_token_header_is_not_trusted()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = attacker.ExportParameters(includePrivateParameters: false).Q;
        var header = RawJwt.Header("ES256");
        header["jwk"] = new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = System.Buffers.Text.Base64Url.EncodeToString(point.X),
            ["y"] = System.Buffers.Text.Base64Url.EncodeToString(point.Y),
        };

        var token = RawJwt.Create(header, RawJwt.DevClaims(TestAuthorities.Bauamt.ToString()), input => attacker.SignData(input, HashAlgorithmName.SHA256));

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_after_signing_is_rejected()
    {
        var parts = Api.Mint(TestAuthorities.WithScopes(TokenScopes.NoticesWrite)).Split('.');
        var payload = RawJwt.Payload(string.Join('.', parts)).ToDictionary(p => p.Key, p => (object?)p.Value);
        payload[TokenClaimNames.Scope] = string.Join(' ', TokenScopes.All);
        var forged = System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));

        var response = await Api.GetAsync(Me, $"{parts[0]}.{forged}.{parts[2]}");

        await ProblemAssert.IsUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_signature_cut_off_or_swapped_for_another_tokens_is_rejected()
    {
        var first = Api.Mint(TestAuthorities.Full()).Split('.');
        var second = Api.Mint(TestAuthorities.WithScopes(TokenScopes.NoticesWrite)).Split('.');

        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, $"{first[0]}.{first[1]}."));
        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, $"{first[0]}.{first[1]}.{second[2]}"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30")]
    [InlineData("....")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.AAAA")]
    public async Task A_garbage_token_is_rejected(string token)
    {
        await ProblemAssert.IsUnauthorizedAsync(await Api.GetAsync(Me, token));
    }

    private static byte[] Secret(DevSigningKey key, string kind)
    {
        var parameters = key.ExportPublicParameters();
        using var publicKey = ECDsa.Create(parameters);
        return kind switch
        {
            "spki-der" => publicKey.ExportSubjectPublicKeyInfo(),
            "spki-pem" => Encoding.ASCII.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem()),
            "public-jwk" => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["crv"] = "P-256",
                ["kty"] = "EC",
                ["x"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.X),
                ["y"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.Y),
            }),
            "uncompressed-point" => [0x04, .. parameters.Q.X!, .. parameters.Q.Y!],
            _ => RandomNumberGenerator.GetBytes(32),
        };
    }
}
