using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Auth;

/// <summary>Development tokens: compact ES256 JWS with the claims docs/api-auth.md names, and only those.</summary>
public sealed class DevTokenMinterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("noticechain-minter-");
    private readonly DevSigningKey _key;

    public DevTokenMinterTests() => _key = DevSigningKey.LoadOrCreate(DevTokenDefaults.KeyFileIn(_data.FullName));

    public void Dispose()
    {
        _key.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public void A_token_has_the_dev_header_and_claims_and_verifies_with_the_public_key()
    {
        var token = Minter().Mint(new DevTokenRequest(TestAuthorities.Bauamt, TokenScopes.All, Governance: true, TimeSpan.FromHours(1)));

        var header = RawJwt.HeaderOf(token);
        Assert.Equal("ES256", header["alg"].GetString());
        Assert.Equal("JWT", header["typ"].GetString());
        Assert.Equal(_key.KeyId, header["kid"].GetString());
        var claims = RawJwt.Payload(token);
        Assert.Equal("noticechain-dev", claims["iss"].GetString());
        Assert.Equal("noticechain-api", claims["aud"].GetString());
        Assert.Equal(TestAuthorities.Bauamt.ToString(), claims["authority"].GetString());
        Assert.Equal("notices:write notices:revoke", claims["scope"].GetString());
        Assert.Equal("governance", claims["role"].GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), claims["iat"].GetInt64());
        Assert.Equal(Now.ToUnixTimeSeconds(), claims["nbf"].GetInt64());
        Assert.Equal(Now.AddHours(1).ToUnixTimeSeconds(), claims["exp"].GetInt64());
        Assert.Equal(22, claims["jti"].GetString()!.Length);

        var parts = token.Split('.');
        using var verifier = ECDsa.Create(_key.ExportPublicParameters());
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256));
    }

    [Fact]
    public void A_token_without_authority_scopes_or_role_leaves_those_claims_out()
    {
        var claims = RawJwt.Payload(Minter().Mint(new DevTokenRequest(null, [], Governance: false, TimeSpan.FromMinutes(1))));

        Assert.False(claims.ContainsKey("authority"));
        Assert.False(claims.ContainsKey("scope"));
        Assert.False(claims.ContainsKey("role"));
    }

    [Fact]
    public void Every_token_gets_its_own_id()
    {
        var request = TestAuthorities.Full();

        Assert.NotEqual(RawJwt.Payload(Minter().Mint(request))["jti"].GetString(), RawJwt.Payload(Minter().Mint(request))["jti"].GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(24 * 3600 + 1)]
    public void A_lifetime_outside_zero_to_24_hours_is_refused(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Minter().Mint(TestAuthorities.Full() with { Lifetime = TimeSpan.FromSeconds(seconds) }));
    }

    [Fact]
    public void An_unknown_scope_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Minter().Mint(TestAuthorities.WithScopes("notices:delete")));
    }

    private DevTokenMinter Minter() => new(_key, new FixedTimeProvider(Now));

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
