using System.CommandLine;
using System.Globalization;
using NoticeChain.Auth;
using NoticeChain.Core.Notices;

namespace NoticeChain.Cli.Commands;

/// <summary><c>noticechain token</c>: mints a development access token for the API.</summary>
/// <remarks>
/// The token is signed with the dev key in the data folder, the same file the API trusts in
/// <c>Auth:Mode=Development</c> (decision 0009); if the API has not created it yet, this command does, in the same
/// way. Only the token goes to standard output, so <c>TOKEN=$(noticechain token --authority …)</c> works.
/// </remarks>
internal static class TokenCommands
{
    public static Command Build()
    {
        var authority = new Option<string?>("--authority")
        {
            Description = "The authority the token acts for: its official authority code (hashed with keccak256 into the issuer id) or a 0x-prefixed 32-byte id.",
        };
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"A scope to grant ({string.Join(", ", TokenScopes.All)}); repeat for several. Default with --authority: all of them.",
        };
        var governance = new Option<bool>("--governance")
        {
            Description = "Grant the governance role (registry administration).",
        };
        var lifetime = new Option<string?>("--lifetime")
        {
            Description = $"How long the token is valid, e.g. 90s, 30m, 1h, 24h (default 1h, at most {DevTokenDefaults.MaxLifetime.TotalHours:0}h).",
        };
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The data folder with auth/dev-signing-key.json (default: $NOTICECHAIN_DATA, else ./data); the key is created there if missing.",
            DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("NOTICECHAIN_DATA") is { Length: > 0 } folder ? folder : "data"),
        };
        var command = new Command(
            "token",
            "Mint a development access token for the NoticeChain API (Auth:Mode=Development), signed with the dev key in the data folder. Prints only the token.")
        {
            authority, scopes, governance, lifetime, data,
        };
        command.SetAction((parse, _) =>
        {
            var request = Request(parse.GetValue(authority), parse.GetValue(scopes) ?? [], parse.GetValue(governance), ParseLifetime(parse.GetValue(lifetime)));
            using var key = LoadKey(parse.GetValue(data)!);
            var token = new DevTokenMinter(key, TimeProvider.System).Mint(request);
            parse.InvocationConfiguration.Output.WriteLine(token);
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }

    private static DevTokenRequest Request(string? authorityText, string[] scopes, bool governance, TimeSpan lifetime)
    {
        if (authorityText is null && !governance)
        {
            throw new CliException("A token needs --authority <code-or-id>, --governance, or both.");
        }

        var unknown = scopes.FirstOrDefault(s => !TokenScopes.IsKnown(s));
        if (unknown is not null)
        {
            throw new CliException($"--scope '{unknown}' is not a scope; the scopes are {string.Join(", ", TokenScopes.All)}.");
        }

        if (authorityText is null && scopes.Length > 0)
        {
            throw new CliException("Scopes act for an authority: give --authority with --scope.");
        }

        var authority = authorityText is null ? (AuthorityId?)null : ParseAuthority(authorityText);
        IReadOnlyList<string> granted = authority is null ? [] : scopes.Length > 0 ? scopes : TokenScopes.All;
        return new DevTokenRequest(authority, granted, governance, lifetime);
    }

    /// <summary>An official authority code becomes its issuer id (keccak256, decision 0006); <c>0x</c> text is the id itself.</summary>
    private static AuthorityId ParseAuthority(string text) => new(IssuerIdText.Parse(text, "--authority").ToArray());

    private static DevSigningKey LoadKey(DirectoryInfo data)
    {
        try
        {
            return DevSigningKey.LoadOrCreate(DevTokenDefaults.KeyFileIn(data.FullName));
        }
        catch (DevSigningKeyException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>Reads <c>90s</c>, <c>30m</c>, <c>1h</c> or <c>1d</c>, or a <c>hh:mm:ss</c> time span; none is the default hour.</summary>
    /// <remarks>Checked here rather than by the parser, whose errors print the help on standard output, where a script expects the token.</remarks>
    private static TimeSpan ParseLifetime(string? text)
    {
        if (text is null)
        {
            return DevTokenDefaults.DefaultLifetime;
        }

        var trimmed = text.Trim();
        TimeSpan? lifetime = trimmed.Length > 1
            && long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count <= 1_000_000
            ? trimmed[^1] switch
            {
                's' => TimeSpan.FromSeconds(count),
                'm' => TimeSpan.FromMinutes(count),
                'h' => TimeSpan.FromHours(count),
                'd' => TimeSpan.FromDays(count),
                _ => null,
            }
            : TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) ? span : null;
        if (lifetime is not { } value || value <= TimeSpan.Zero || value > DevTokenDefaults.MaxLifetime)
        {
            throw new CliException($"--lifetime '{text}' must be a duration like 90s, 30m or 1h, more than zero and at most {DevTokenDefaults.MaxLifetime.TotalHours:0}h.");
        }

        return value;
    }
}
