namespace NoticeChain.Auth;

/// <summary>Fixed values of development tokens, shared by the API (which checks them) and the CLI (which mints them).</summary>
public static class DevTokenDefaults
{
    /// <summary>The <c>iss</c> of every development token.</summary>
    public const string Issuer = "noticechain-dev";

    /// <summary>The <c>aud</c> of every development token, the API.</summary>
    public const string Audience = "noticechain-api";

    /// <summary>The only algorithm of development tokens: ECDSA P-256 with SHA-256 (RFC 7518 section 3.4).</summary>
    public const string Algorithm = "ES256";

    /// <summary>The longest lifetime a development token may have.</summary>
    /// <remarks>A leaked dev token should stop working by the next working day; nothing in development needs longer.</remarks>
    public static TimeSpan MaxLifetime { get; } = TimeSpan.FromHours(24);

    /// <summary>The lifetime <c>noticechain token</c> uses unless told otherwise.</summary>
    public static TimeSpan DefaultLifetime { get; } = TimeSpan.FromHours(1);

    /// <summary>Where the dev signing key lives inside a data folder.</summary>
    /// <param name="dataFolder">The data folder (<c>$NOTICECHAIN_DATA</c>, by default <c>./data</c>).</param>
    public static string KeyFileIn(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        return Path.Combine(dataFolder, "auth", "dev-signing-key.json");
    }
}
