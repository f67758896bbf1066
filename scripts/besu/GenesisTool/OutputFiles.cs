using System.Text;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>Writes the generated files: secrets readable by the owner only, public files readable by all.</summary>
internal static class OutputFiles
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode Public = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes a secret with mode 600 from creation on, so it is never readable by others, not even briefly.</summary>
    /// <remarks>An existing file is deleted first: opening it would keep its old, possibly wider, mode.</remarks>
    public static void WriteSecret(string path, ReadOnlySpan<byte> content) => Write(path, content, OwnerReadWrite);

    /// <summary>Writes a non-secret file (mode 644).</summary>
    public static void WritePublic(string path, string content) => Write(path, Encoding.UTF8.GetBytes(content), Public);

    /// <summary>Creates a folder (and its parents) with mode 700, for folders holding secrets.</summary>
    public static void CreatePrivateFolder(string path)
    {
        var folder = OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }
    }

    private static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
