using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using NoticeChain.Chain;
using NoticeChain.Cli.Keys;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Cli.Commands;

/// <summary><c>noticechain registry deploy|info</c>.</summary>
internal static class RegistryCommands
{
    public static Command Build()
    {
        var registry = new Command("registry", "Deploy and inspect the NoticeRegistry contract.");
        registry.Subcommands.Add(Deploy());
        registry.Subcommands.Add(Info());
        return registry;
    }

    private static Command Deploy()
    {
        var rpc = CliOptions.Rpc();
        var keyFile = CliOptions.KeyFile();
        var passphraseFile = CliOptions.PassphraseFile();
        var json = CliOptions.Json();
        var fees = CliOptions.Fees();
        var governance = new Option<string?>("--governance")
        {
            Description = "Address that will govern the registry (default: the deploying key's address). In production, the participating bodies' multisig.",
        };
        var command = new Command("deploy", "Deploy a new NoticeRegistry (compiled by the pinned contract build) and print its address.")
        {
            rpc, keyFile, passphraseFile, governance, fees, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var key = new SigningKeySource().Load(parse.GetValue(keyFile), parse.GetValue(passphraseFile), CliOptions.GovernanceKeyVariable);
            var governanceAddress = ParseAddress(parse.GetValue(governance), "--governance") ?? key.Address;
            using var connection = await ChainConnection.OpenAsync(parse.GetValue(rpc)!, ct).ConfigureAwait(false);
            using var sender = connection.Sender(key, parse.GetValue(fees));
            var deployment = await NoticeRegistryClient.DeployAsync(sender, CreationCode(), governanceAddress, ct).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                WriteJson(output, writer =>
                {
                    writer.WriteString("registry", deployment.Client.Address.ToString());
                    writer.WriteString("governance", governanceAddress.ToString());
                    writer.WriteNumber("chainId", connection.ChainId);
                    writer.WriteNumber("blockNumber", deployment.Receipt.BlockNumber);
                    writer.WriteString("transactionHash", deployment.Receipt.TransactionHash.ToString());
                });
            }
            else
            {
                output.WriteLine($"Registry deployed at {deployment.Client.Address}");
                output.WriteLine($"  governance   {governanceAddress}");
                output.WriteLine($"  chain id     {connection.ChainId}");
                output.WriteLine($"  block        {deployment.Receipt.BlockNumber}");
                output.WriteLine($"  transaction  {deployment.Receipt.TransactionHash}");
            }

            return CliApp.Success;
        });
        return command;
    }

    private static Command Info()
    {
        var rpc = CliOptions.Rpc();
        var registry = CliOptions.Registry();
        var json = CliOptions.Json();
        var command = new Command("info", "Show the registry's governance and the network it lives on.") { rpc, registry, json };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = await ChainConnection.OpenAsync(parse.GetValue(rpc)!, ct).ConfigureAwait(false);
            var client = connection.Registry(parse.GetValue(registry));
            var governance = await client.GetGovernanceAsync(cancellationToken: ct).ConfigureAwait(false);
            var pending = await client.GetPendingGovernanceAsync(cancellationToken: ct).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                WriteJson(output, writer =>
                {
                    writer.WriteString("registry", client.Address.ToString());
                    writer.WriteNumber("chainId", connection.ChainId);
                    writer.WriteString("governance", governance.ToString());
                    writer.WriteString("pendingGovernance", pending.IsZero ? null : pending.ToString());
                });
            }
            else
            {
                output.WriteLine($"Registry     {client.Address} (chain id {connection.ChainId})");
                output.WriteLine($"Governance   {governance}");
                output.WriteLine($"Pending      {(pending.IsZero ? "none" : pending.ToString())}");
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The registry's creation code, embedded at build time from contracts/out/NoticeRegistry.json.</summary>
    internal static byte[] CreationCode()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NoticeChain.Contracts.NoticeRegistry.json")
            ?? throw new InvalidOperationException("The NoticeRegistry artefact is not embedded; the contract build did not run.");
        using var document = JsonDocument.Parse(stream);
        return Hex.Decode(document.RootElement.GetProperty("bytecode").GetString());
    }

    internal static Address? ParseAddress(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return Address.TryParse(text.Trim(), out var address) && !address.IsZero
            ? address
            : throw new CliException($"{option} '{text}' is not a non-zero address (40 hex digits; mixed case must be a valid EIP-55 checksum).");
    }

    internal static void WriteJson(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
