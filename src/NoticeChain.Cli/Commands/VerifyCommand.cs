using System.CommandLine;
using System.Text.Json.Nodes;
using NoticeChain.Chain;
using NoticeChain.Cli.Verification;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Cli.Commands;

/// <summary><c>noticechain verify &lt;file&gt; --receipt &lt;receipt.json&gt;</c>: the independent verifier.</summary>
/// <remarks>
/// Needs only the document, its receipt and read access to any node of the network (design invariant 2): no NoticeChain
/// API, no database. The facts come from the registry as of one block, the rules are <see cref="NoticeVerifier"/>'s, the
/// same the verify API applies. Exit code 0 authentic; 1 revoked, superseded, pending or unknown; 2 error.
/// </remarks>
internal static class VerifyCommand
{
    /// <summary>Receipts are at most 16 KiB (docs/receipt-format.md); a larger file is refused before it is read.</summary>
    private const long MaxReceiptFileBytes = 64 * 1024;

    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "The document to check (e.g. the notice's PDF). It is hashed locally and never sent anywhere." };
        var receiptFile = new Option<FileInfo>("--receipt") { Description = "The notice's receipt (JSON, docs/receipt-format.md).", Required = true };
        var rpc = CliOptions.Rpc();
        var registry = new Option<string?>("--registry")
        {
            Description = "The registry address you trust for this network (default: the receipt's). When it differs from the receipt's, this one is checked.",
        };
        var json = CliOptions.Json();
        var command = new Command(
            "verify",
            "Check a document and its receipt against any node of the network, without the NoticeChain service. "
            + "Exit code 0 authentic; 1 revoked, superseded, pending or unknown; 2 error.")
        {
            file, receiptFile, rpc, registry, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var receipt = await ReadReceiptAsync(parse.GetValue(receiptFile)!, ct).ConfigureAwait(false);
            var (digest, _) = await DocumentFile.HashAsync(parse.GetValue(file)!, ct).ConfigureAwait(false);
            var registryAddress = ChooseRegistry(receipt, parse.GetValue(registry), parse.InvocationConfiguration.Error);
            var rpcUrl = parse.GetValue(rpc)!;
            using var connection = await ChainConnection.OpenAsync(rpcUrl, ct).ConfigureAwait(false);
            if (connection.ChainId != receipt.Anchor.ChainId)
            {
                throw new CliException(
                    $"The node at {rpcUrl.GetLeftPart(UriPartial.Authority)} is on chain {connection.ChainId}, but the receipt was issued on chain "
                    + $"{receipt.Anchor.ChainId}: ask a node of that network.");
            }

            VerifyOutcome outcome;
            try
            {
                outcome = await CheckAsync(connection, receipt, digest, registryAddress, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AbiException or RegistryRevertException or InvalidOperationException)
            {
                // A contract that is not a NoticeRegistry answers the views with nothing, a revert or words that do not decode.
                throw new CliException(
                    $"The contract at {registryAddress} does not answer as a NoticeRegistry ({e.Message}); is the registry address right?", e);
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                RegistryCommands.WriteJson(output, writer => VerifyAnswerJson.Write(writer, outcome));
            }
            else
            {
                VerifyAnswerText.Write(output, outcome);
            }

            return outcome.ExitCode;
        });
        return command;
    }

    private static async Task<VerifyOutcome> CheckAsync(
        ChainConnection connection, Receipt receipt, Core.Hashing.Digest digest, ChainAddress registryAddress, CancellationToken cancellationToken)
    {
        // One block for everything: the head when the check starts, by number and hash.
        var headBlock = await connection.Rpc.GetBlockByNumberAsync(BlockParameter.Latest, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new CliException("The node reports no latest block.");
        var head = new ChainCursor(headBlock.Number, ChainValues.Hash(headBlock.Hash));
        var at = BlockParameter.FromNumber(head.BlockNumber);

        var code = await connection.Rpc.SendAsync("eth_getCode", new JsonArray(registryAddress.ToString(), at.ToString()), cancellationToken)
            .ConfigureAwait(false);
        if (code.GetString() is not { Length: > 2 })
        {
            throw new CliException($"There is no contract at registry address {registryAddress} on chain {connection.ChainId} (block {head.BlockNumber}).");
        }

        var client = new NoticeRegistryClient(connection.Rpc, ChainValues.Address(registryAddress));
        var evidence = await new RegistryEvidenceReader(connection.Rpc, client).ReadAsync(receipt, head, cancellationToken).ConfigureAwait(false);
        var verification = NoticeVerifier.Evaluate(receipt, evidence, digest);
        return new VerifyOutcome(verification, digest, connection.ChainId, registryAddress, head);
    }

    private static async Task<Receipt> ReadReceiptAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var shown = file.ToString();
        byte[] bytes;
        try
        {
            if (file.Exists && file.Length > MaxReceiptFileBytes)
            {
                throw new CliException($"The receipt '{shown}' is {file.Length} bytes; a receipt is at most 16 KiB.");
            }

            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"The receipt '{shown}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"The receipt '{shown}' cannot be read: {e.Message}", e);
        }

        return Receipt.TryParse(bytes, out var receipt, out var error)
            ? receipt
            : throw new CliException($"The receipt '{shown}' is malformed: field '{error.Field}': {error.Message}", error);
    }

    /// <summary>The receipt's registry, or the one the user trusts; a receipt cannot vouch for its own registry.</summary>
    private static ChainAddress ChooseRegistry(Receipt receipt, string? trusted, TextWriter error)
    {
        if (trusted is null)
        {
            return receipt.Anchor.Registry;
        }

        var address = ChainValues.Address(RegistryCommands.ParseAddress(trusted, "--registry")!.Value);
        if (address != receipt.Anchor.Registry)
        {
            error.WriteLine($"note: the receipt names registry {receipt.Anchor.Registry}, but --registry is {address}; checking against {address}.");
        }

        return address;
    }
}
