using System.Runtime.CompilerServices;

namespace NoticeChain.Core.Tests.Notices;

/// <summary>Reads a file of the repository (the contract, the docs), found from this source file's path.</summary>
/// <remarks>
/// Tests that keep code in step with the contract or the documentation read those files directly, so the two
/// cannot drift apart silently. The path is the compiler's record of where this file was built from; a build
/// that maps source paths away would make these tests fail loudly, not pass vacuously.
/// </remarks>
internal static class RepositoryFile
{
    public static string ReadAllText(string relativePath)
    {
        var path = Path.Combine(Root(), relativePath);
        Assert.True(File.Exists(path), $"{relativePath} not found under the repository root {Root()}.");
        return File.ReadAllText(path);
    }

    private static string Root([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
