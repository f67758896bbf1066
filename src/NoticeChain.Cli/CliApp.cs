using System.CommandLine;
using NoticeChain.Chain;
using NoticeChain.Chain.Transactions;
using NoticeChain.Cli.Commands;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Cli;

/// <summary>Builds the <c>noticechain</c> command tree and runs it with uniform error handling.</summary>
public static class CliApp
{
    /// <summary>Exit code of a successful command.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a check whose answer is "no" (e.g. a notice that is not authentic).</summary>
    public const int Negative = 1;

    /// <summary>Exit code of an error: bad input, missing key, unreachable node, rejected transaction.</summary>
    public const int Error = 2;

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("noticechain: anchor and verify administrative notices (Bescheide) on a permissioned Ethereum network.");
        root.Subcommands.Add(RegistryCommands.Build());
        root.Subcommands.Add(IssuersCommands.Build());
        root.Subcommands.Add(KeysCommands.Build());
        root.Subcommands.Add(TokenCommands.Build());
        root.Subcommands.Add(HashCommand.Build());
        root.Subcommands.Add(VerifyCommand.Build());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers.</summary>
    /// <remarks>
    /// Expected failures (<see cref="CliException"/>, node errors, transport failures) print one line on
    /// the error writer and return <see cref="Error"/>; a stack trace would only hide the message.
    /// </remarks>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var parse = Build().Parse(args);
        try
        {
            int code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            return parse.Errors.Count > 0 ? Error : code;
        }
        catch (CliException e)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return Error;
        }
        catch (RegistryRevertException e)
        {
            await error.WriteLineAsync("error: the registry rejected the transaction: " + e.Message).ConfigureAwait(false);
            return Error;
        }
        catch (Exception e) when (e is TransactionFailedException or FeeCapExceededException)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return Error;
        }
        catch (EthRpcClientException e)
        {
            await error.WriteLineAsync("error: the node answered with an error: " + e.Message).ConfigureAwait(false);
            return Error;
        }
    }
}
