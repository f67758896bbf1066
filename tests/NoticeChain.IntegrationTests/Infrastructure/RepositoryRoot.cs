using System.Reflection;

namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>The checkout the integration tests belong to: the folder holding NoticeChain.sln.</summary>
/// <remarks>
/// The tests need files that are not build outputs: node_modules (Anvil) and contracts/compiler.json (the
/// hardfork). The search walks up from the test assembly; when the build used <c>--artifacts-path</c> outside
/// the checkout, it falls back to the root recorded at build time (assembly metadata "RepositoryRoot").
/// </remarks>
public static class RepositoryRoot
{
    private const string SolutionFileName = "NoticeChain.sln";

    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Location => Root.Value;

    /// <summary>Walks up from <paramref name="startDirectory"/> to the first folder holding NoticeChain.sln.</summary>
    /// <returns>The folder, or <see langword="null"/> when no parent holds the solution.</returns>
    public static string? FindFrom(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string Locate()
    {
        var found = FindFrom(AppContext.BaseDirectory);
        if (found is not null)
        {
            return found;
        }

        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, SolutionFileName)))
        {
            return Path.GetFullPath(recorded);
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFileName} above {AppContext.BaseDirectory} nor at the build-time root '{recorded}'.");
    }
}
