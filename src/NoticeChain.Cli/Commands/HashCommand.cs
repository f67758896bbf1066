using System.CommandLine;
using NoticeChain.Cli.Verification;

namespace NoticeChain.Cli.Commands;

/// <summary><c>noticechain hash &lt;file&gt;</c>: the document's SHA-256, the digest NoticeChain registers and receipts carry.</summary>
internal static class HashCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "The document (e.g. the notice's PDF). It is read, never sent anywhere." };
        var json = CliOptions.Json();
        var command = new Command(
            "hash",
            "Print a document's SHA-256 as sha256sum does ('<hex>  <file>'); offline, the file never leaves the machine.")
        {
            file, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var (digest, bytes) = await DocumentFile.HashAsync(path, ct).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                RegistryCommands.WriteJson(output, writer =>
                {
                    writer.WriteString("file", path.ToString());
                    writer.WriteString("digest", digest.ToString());
                    writer.WriteNumber("bytes", bytes);
                });
            }
            else
            {
                // Two spaces, as sha256sum prints it, so `sha256sum -c` accepts the line.
                await output.WriteLineAsync($"{digest}  {path}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
