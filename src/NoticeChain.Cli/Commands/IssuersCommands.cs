using System.CommandLine;
using System.Globalization;
using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.Cli.Keys;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Cli.Commands;

/// <summary><c>noticechain issuers register|rotate|retire|list</c>: the registry's authority administration.</summary>
/// <remarks>
/// Registering, rotating and retiring are governance transactions: the contract rejects them from any other
/// key (it is the root of trust, not this tool), and the tool prints the contract's custom error.
/// </remarks>
internal static class IssuersCommands
{
    public static Command Build()
    {
        var issuers = new Command("issuers", "Register, rotate, retire and list issuing authorities (governance only for changes).");
        issuers.Subcommands.Add(Register());
        issuers.Subcommands.Add(Rotate());
        issuers.Subcommands.Add(Retire());
        issuers.Subcommands.Add(List());
        issuers.Subcommands.Add(IdOf());
        return issuers;
    }

    private static Option<string> Id() => new("--id")
    {
        Description = "The authority: its official authority code (hashed with keccak256 into the issuer id) or a 0x-prefixed 32-byte id.",
        Required = true,
    };

    private static Command Register()
    {
        var id = Id();
        var name = new Option<string>("--name") { Description = "Display name shown to verifiers, e.g. 'Untere Bauaufsicht Herten'.", Required = true };
        var key = new Option<string>("--key") { Description = "The authority's signing address (its key must never have been used by any authority).", Required = true };
        return GovernanceCommand(
            "register",
            "Register an issuing authority with its signing address.",
            [id, name, key],
            (parse, client, ct) => client.RegisterIssuerAsync(
                IssuerIdText.Parse(parse.GetValue(id)!),
                parse.GetValue(name)!.Trim(),
                RegistryCommands.ParseAddress(parse.GetValue(key), "--key")!.Value,
                ct),
            parse => $"Registered {parse.GetValue(name)!.Trim()} as {IssuerIdText.Parse(parse.GetValue(id)!)}");
    }

    private static Command Rotate()
    {
        var id = Id();
        var newKey = new Option<string>("--new-key") { Description = "The authority's new signing address; the old key stops anchoring, its anchors stay valid.", Required = true };
        return GovernanceCommand(
            "rotate",
            "Replace an authority's signing key.",
            [id, newKey],
            (parse, client, ct) => client.RotateIssuerKeyAsync(
                IssuerIdText.Parse(parse.GetValue(id)!), RegistryCommands.ParseAddress(parse.GetValue(newKey), "--new-key")!.Value, ct),
            parse => $"Rotated the key of {IssuerIdText.Parse(parse.GetValue(id)!)} to {parse.GetValue(newKey)}");
    }

    private static Command Retire()
    {
        var id = Id();
        return GovernanceCommand(
            "retire",
            "Retire an authority: no new anchors or revocations; its existing anchors stay verifiable.",
            [id],
            (parse, client, ct) => client.RetireIssuerAsync(IssuerIdText.Parse(parse.GetValue(id)!), ct),
            parse => $"Retired {IssuerIdText.Parse(parse.GetValue(id)!)}");
    }

    private static Command GovernanceCommand(
        string name,
        string description,
        Option[] specific,
        Func<ParseResult, NoticeRegistryClient, CancellationToken, Task<TransactionReceipt>> send,
        Func<ParseResult, string> done)
    {
        var rpc = CliOptions.Rpc();
        var registry = CliOptions.Registry();
        var keyFile = CliOptions.KeyFile();
        var passphraseFile = CliOptions.PassphraseFile();
        var fees = CliOptions.Fees();
        var command = new Command(name, description + " Signed with the governance key.");
        foreach (var option in specific)
        {
            command.Options.Add(option);
        }

        command.Options.Add(rpc);
        command.Options.Add(registry);
        command.Options.Add(keyFile);
        command.Options.Add(passphraseFile);
        command.Options.Add(fees);
        command.SetAction(async (parse, ct) =>
        {
            using var key = new SigningKeySource().Load(parse.GetValue(keyFile), parse.GetValue(passphraseFile), CliOptions.GovernanceKeyVariable);
            using var connection = await ChainConnection.OpenAsync(parse.GetValue(rpc)!, ct).ConfigureAwait(false);
            var client = connection.Registry(parse.GetValue(registry), key, parse.GetValue(fees));
            try
            {
                var receipt = await send(parse, client, ct).ConfigureAwait(false);
                var output = parse.InvocationConfiguration.Output;
                output.WriteLine(done(parse));
                output.WriteLine($"  block {receipt.BlockNumber}, transaction {receipt.TransactionHash}");
            }
            finally
            {
                client.Sender?.Dispose();
            }

            return CliApp.Success;
        });
        return command;
    }

    private static Command IdOf()
    {
        var code = new Argument<string>("code") { Description = "The authority's official code, e.g. 05562004-BAU." };
        var command = new Command("id", "Print the issuer id of an authority code (keccak256 of its UTF-8), offline.") { code };
        command.SetAction((parse, _) =>
        {
            parse.InvocationConfiguration.Output.WriteLine(IssuerIdText.Parse(parse.GetValue(code)!).ToString());
            return Task.FromResult(CliApp.Success);
        });
        return command;
    }

    private static Command List()
    {
        var rpc = CliOptions.Rpc();
        var registry = CliOptions.Registry();
        var json = CliOptions.Json();
        var fromBlock = new Option<ulong>("--from-block")
        {
            Description = "First block to scan for registrations (the registry's deployment block makes this fast on a long chain).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("list", "List every authority ever registered, with its current key and status, as the chain holds them.")
        {
            rpc, registry, fromBlock, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = await ChainConnection.OpenAsync(parse.GetValue(rpc)!, ct).ConfigureAwait(false);
            var client = connection.Registry(parse.GetValue(registry));
            var head = await connection.Rpc.BlockNumberAsync(ct).ConfigureAwait(false);
            var start = Math.Min(parse.GetValue(fromBlock), head);
            var reader = new RegistryEventReader(connection.Rpc, client.Address);
            var ids = new List<IssuerId>();
            foreach (var registered in (await reader.ReadAsync(start, head, ct).ConfigureAwait(false)).OfType<IssuerRegistered>())
            {
                ids.Add(registered.IssuerId);
            }

            var issuers = new List<IssuerInfo>();
            foreach (var issuerId in ids)
            {
                issuers.Add(await client.GetIssuerAsync(issuerId, BlockParameter.FromNumber(head), ct).ConfigureAwait(false)
                    ?? throw new CliException($"The registry emitted a registration of {issuerId} but does not know it; is --registry right?"));
            }

            Print(parse.InvocationConfiguration.Output, parse.GetValue(json), issuers, head);
            return CliApp.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, bool json, List<IssuerInfo> issuers, ulong head)
    {
        if (json)
        {
            RegistryCommands.WriteJson(output, writer =>
            {
                writer.WriteNumber("checkedAtBlock", head);
                writer.WriteStartArray("issuers");
                foreach (var issuer in issuers)
                {
                    writer.WriteStartObject();
                    writer.WriteString("issuerId", issuer.IssuerId.ToString());
                    writer.WriteString("name", issuer.Name);
                    writer.WriteString("currentKey", issuer.CurrentKey.ToString());
                    writer.WriteString("registeredAt", issuer.RegisteredAt);
                    if (issuer.RetiredAt is { } retired)
                    {
                        writer.WriteString("retiredAt", retired);
                    }
                    else
                    {
                        writer.WriteNull("retiredAt");
                    }

                    writer.WriteStartArray("keys");
                    foreach (var key in issuer.Keys)
                    {
                        writer.WriteStringValue(key.ToString());
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return;
        }

        if (issuers.Count == 0)
        {
            output.WriteLine($"No authorities registered (checked up to block {head}).");
            return;
        }

        foreach (var issuer in issuers)
        {
            var status = issuer.RetiredAt is { } retired
                ? "retired since " + retired.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
                : "active";
            output.WriteLine($"{issuer.Name}  ({status})");
            output.WriteLine($"  id          {issuer.IssuerId}");
            output.WriteLine($"  key         {issuer.CurrentKey}{(issuer.Keys.Count > 1 ? $" ({issuer.Keys.Count - 1} earlier)" : string.Empty)}");
            output.WriteLine($"  registered  {issuer.RegisteredAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}");
        }
    }
}
