using System.CommandLine;

namespace NoticeChain.Cli;

/// <summary>Options shared by several commands, defined once so names and help texts stay consistent.</summary>
internal static class CliOptions
{
    /// <summary>Environment variable with the default JSON-RPC URL.</summary>
    public const string RpcVariable = "NOTICECHAIN_RPC_URL";

    /// <summary>Environment variable with the default registry address.</summary>
    public const string RegistryVariable = "NOTICECHAIN_REGISTRY";

    /// <summary>Environment variable with the governance private key (hex), used when no --key-file is given.</summary>
    public const string GovernanceKeyVariable = "NOTICECHAIN_GOVERNANCE_KEY";

    public static Option<Uri> Rpc() => new("--rpc")
    {
        Description = $"JSON-RPC URL of a node of the network (default: ${RpcVariable}, else http://127.0.0.1:8545).",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(RpcVariable) ?? "http://127.0.0.1:8545"),
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError($"--rpc must be an http(s) URL, got '{text}'.");
            return null!;
        },
    };

    public static Option<string?> Registry() => new("--registry")
    {
        Description = $"Address of the NoticeRegistry contract (default: ${RegistryVariable}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(RegistryVariable),
    };

    public static Option<FileInfo?> KeyFile() => new("--key-file")
    {
        Description = $"Web3 Secret Storage (v3) keystore with the signing key; passphrase from $NOTICECHAIN_KEY_PASSPHRASE or --passphrase-file. Without it, the hex key is read from ${GovernanceKeyVariable}.",
    };

    public static Option<FileInfo?> PassphraseFile() => new("--passphrase-file")
    {
        Description = "File holding the keystore passphrase (one trailing newline is ignored).",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the result as JSON instead of text.",
    };
}
