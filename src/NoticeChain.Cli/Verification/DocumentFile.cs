using NoticeChain.Core.Hashing;

namespace NoticeChain.Cli.Verification;

/// <summary>Hashes a document file on disk, streaming it, with one clear message for every way the file can be unusable.</summary>
internal static class DocumentFile
{
    /// <summary>The SHA-256 of the file's bytes and how many bytes there were.</summary>
    /// <param name="file">The file as given on the command line.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CliException">The file does not exist, is a folder, or cannot be read.</exception>
    public static async Task<(Digest Digest, long Bytes)> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var shown = file.ToString();
        if (Directory.Exists(file.FullName))
        {
            throw new CliException($"'{shown}' is a folder, not a file.");
        }

        try
        {
            // Block by block through Digest.ComputeAsync: a multi-gigabyte scan never sits in memory as a whole.
            var stream = new FileStream(
                file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                var digest = await Digest.ComputeAsync(stream, cancellationToken).ConfigureAwait(false);
                return (digest, stream.Position);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"'{shown}' does not exist.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"'{shown}' cannot be read: permission denied.", e);
        }
        catch (IOException e)
        {
            throw new CliException($"'{shown}' cannot be read: {e.Message}", e);
        }
    }
}
