using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.ArchitectureTests;

/// <summary>
/// Keeps the dependency rules of docs/architecture.md true: references point downwards, the pure
/// Ethereum layer has no I/O, no hosting and no database dependency.
/// </summary>
public sealed class ProjectReferenceRulesTests
{
    private static readonly string[] ForbiddenInPureLayers =
    [
        "Microsoft.AspNetCore",
        "Microsoft.Extensions",
        "Microsoft.Data",
        "Npgsql",
        "Dapper",
        "System.Data",
        "System.Net.Http",
        "System.Net.Sockets",
    ];

    private static readonly string[] FileSystemTypes =
    [
        "System.IO.File",
        "System.IO.FileStream",
        "System.IO.FileInfo",
        "System.IO.Directory",
        "System.IO.DirectoryInfo",
        "System.IO.StreamReader",
        "System.IO.StreamWriter",
    ];

    /// <summary>Which project may reference which, in the order of the layering (bottom first).</summary>
    public static TheoryData<string, string[]> AllowedProjectReferences => new()
    {
        { "NoticeChain.Ethereum", [] },
        { "NoticeChain.Ethereum.Rpc", ["NoticeChain.Ethereum"] },
        { "NoticeChain.Core", [] },
        { "NoticeChain.Chain", ["NoticeChain.Core", "NoticeChain.Ethereum", "NoticeChain.Ethereum.Rpc"] },
        { "NoticeChain.Storage", ["NoticeChain.Core"] },
        { "NoticeChain.Auth", ["NoticeChain.Core"] },
        { "NoticeChain.Cli", ["NoticeChain.Core", "NoticeChain.Ethereum", "NoticeChain.Ethereum.Rpc", "NoticeChain.Chain", "NoticeChain.Auth"] },
        {
            "NoticeChain.Api",
            ["NoticeChain.Core", "NoticeChain.Ethereum", "NoticeChain.Ethereum.Rpc", "NoticeChain.Chain", "NoticeChain.Storage", "NoticeChain.Auth"]
        },
    };

    /// <summary>Which packages a project may use directly.</summary>
    public static TheoryData<string, string[]> AllowedPackageReferences => new()
    {
        { "NoticeChain.Ethereum", ["Portable.BouncyCastle"] },
        { "NoticeChain.Ethereum.Rpc", [] },
        { "NoticeChain.Core", [] },
        { "NoticeChain.Chain", [] },
        { "NoticeChain.Storage", ["Microsoft.Data.Sqlite", "Npgsql"] },
        { "NoticeChain.Cli", ["System.CommandLine"] },
        { "NoticeChain.Auth", [] },
        { "NoticeChain.Api", ["Microsoft.AspNetCore.Authentication.JwtBearer", "Microsoft.AspNetCore.OpenApi", "QRCoder"] },
    };

    [Fact]
    public void Every_src_project_has_a_rule()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepoRoot(), "src")).Select(Path.GetFileName).Order().ToArray();
        var ruled = AllowedProjectReferences.Select(row => (string)row[0]).Order().ToArray();
        Assert.Equal(ruled, projects);
    }

    [Theory]
    [MemberData(nameof(AllowedProjectReferences))]
    public void Project_references_point_only_downwards(string project, string[] allowed)
    {
        var referenced = ReadProjectFile(project)
            .Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
        Assert.All(referenced, r => Assert.Contains(r, allowed));
    }

    [Theory]
    [InlineData("NoticeChain.Api", "NoticeChain.Cli")]
    [InlineData("NoticeChain.Cli", "NoticeChain.Api")]
    public void Hosts_never_reference_each_other_even_through_another_project(string host, string otherHost)
    {
        var allowed = (string[])AllowedProjectReferences.Single(row => (string)row[0] == host)[1];
        Assert.DoesNotContain(otherHost, allowed);
        Assert.DoesNotContain(otherHost, ProjectReferenceClosure(host));
    }

    [Theory]
    [MemberData(nameof(AllowedPackageReferences))]
    public void Package_references_are_the_allowed_ones(string project, string[] allowed)
    {
        var referenced = ReadProjectFile(project)
            .Descendants("PackageReference")
            .Select(e => e.Attribute("Include")!.Value)
            .ToArray();
        Assert.All(referenced, r => Assert.Contains(r, allowed));
    }

    [Theory]
    [InlineData("NoticeChain.Ethereum")]
    [InlineData("NoticeChain.Ethereum.Rpc")]
    [InlineData("NoticeChain.Core")]
    public void Pure_layers_reference_no_hosting_database_or_extensions_assembly(string assemblyName)
    {
        var references = LoadAssembly(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        var forbidden = assemblyName != "NoticeChain.Ethereum.Rpc"
            ? ForbiddenInPureLayers
            : ForbiddenInPureLayers.Where(f => !f.StartsWith("System.Net", StringComparison.Ordinal)).ToArray();
        var violations = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToArray();
        Assert.True(violations.Length == 0, assemblyName + " references " + string.Join(", ", violations));
    }

    [Theory]
    [InlineData("NoticeChain.Ethereum")]
    [InlineData("NoticeChain.Core")]
    public void Pure_layers_touch_no_file_system_type(string assemblyName)
    {
        var path = LoadAssembly(assemblyName).Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var used = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToHashSet();
        var violations = FileSystemTypes.Where(used.Contains).ToArray();
        Assert.True(violations.Length == 0, assemblyName + " uses file-system types: " + string.Join(", ", violations));
    }

    [Fact]
    public void The_metadata_scan_sees_type_references()
    {
        // Guards the test above: if the scan read nothing it would pass vacuously.
        var path = LoadAssembly("NoticeChain.ArchitectureTests").Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var used = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToHashSet();
        Assert.Contains("System.IO.File", used);
    }

    private static Assembly LoadAssembly(string name) => name switch
    {
        "NoticeChain.Ethereum" => typeof(Hex).Assembly,
        "NoticeChain.Ethereum.Rpc" => typeof(EthRpcClient).Assembly,
        "NoticeChain.Core" => Assembly.Load("NoticeChain.Core"),
        "NoticeChain.ArchitectureTests" => typeof(ProjectReferenceRulesTests).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No rule for this assembly."),
    };

    private static HashSet<string> ProjectReferenceClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            foreach (var reference in ReadProjectFile(current).Descendants("ProjectReference"))
            {
                var name = Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/'));
                if (seen.Add(name))
                {
                    pending.Push(name);
                }
            }
        }

        return seen;
    }

    private static XDocument ReadProjectFile(string project) =>
        XDocument.Load(Path.Combine(RepoRoot(), "src", project, project + ".csproj"));

    private static string RepoRoot()
    {
        var recorded = typeof(ProjectReferenceRulesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "NoticeChain.sln")))
        {
            return recorded;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NoticeChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NoticeChain.sln not found above the test output directory.");
    }
}
