using System.CommandLine;
using NoticeChain.Chain.Transactions;

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

    /// <summary>Environment variable with the default fee mode (<c>eip1559</c>, <c>legacy</c> or <c>free</c>).</summary>
    public const string FeesVariable = "NOTICECHAIN_FEES";

    /// <summary>How transactions pay for gas, as the API's <c>Chain:Fees</c> (decision 0018).</summary>
    public static Option<FeeMode> Fees() => new("--fees")
    {
        Description = $"How transactions pay for gas: eip1559 (type 2, priced from the node), legacy (EIP-155, eth_gasPrice) or free "
            + $"(zero fees: the Besu network of docker-compose.yml). Default: ${FeesVariable}, else eip1559.",
        DefaultValueFactory = result => ParseFeeMode(Environment.GetEnvironmentVariable(FeesVariable) ?? nameof(FeeMode.Eip1559), $"${FeesVariable}", result),
        CustomParser = result => ParseFeeMode(result.Tokens.Single().Value, "--fees", result),
    };

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

    private static FeeMode ParseFeeMode(string text, string source, System.CommandLine.Parsing.ArgumentResult result)
    {
        // Names only: Enum.TryParse would also take "2" or "1,2".
        foreach (var mode in Enum.GetValues<FeeMode>())
        {
            if (string.Equals(text.Trim(), mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        result.AddError($"{source} must be eip1559, legacy or free, got '{text}'.");
        return default;
    }
}
