using System.Text.Json;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>A compiled contract as contracts/build.mjs writes it (contracts/out/&lt;Name&gt;.json).</summary>
/// <remarks>
/// The test project's build runs contracts/build.mjs and copies the artefacts next to the test assembly under
/// contracts/, so tests always deploy the bytecode of the sources they were built with.
/// </remarks>
public sealed class ContractArtifact
{
    private ContractArtifact(
        string contractName,
        string sourceName,
        string compilerVersion,
        string evmVersion,
        JsonElement abi,
        ReadOnlyMemory<byte> bytecode,
        ReadOnlyMemory<byte> deployedBytecode,
        IReadOnlyDictionary<string, string> methodIdentifiers)
    {
        ContractName = contractName;
        SourceName = sourceName;
        CompilerVersion = compilerVersion;
        EvmVersion = evmVersion;
        Abi = abi;
        Bytecode = bytecode;
        DeployedBytecode = deployedBytecode;
        MethodIdentifiers = methodIdentifiers;
    }

    /// <summary>The contract name, e.g. "Counter".</summary>
    public string ContractName { get; }

    /// <summary>The repository-relative source file, e.g. "tests/fixtures/contracts/Counter.sol".</summary>
    public string SourceName { get; }

    /// <summary>The full solc version that compiled it, e.g. "0.8.37+commit.f401782d.Emscripten.clang".</summary>
    public string CompilerVersion { get; }

    /// <summary>The EVM version it was compiled for, e.g. "paris".</summary>
    public string EvmVersion { get; }

    /// <summary>The ABI (a JSON array).</summary>
    public JsonElement Abi { get; }

    /// <summary>The ABI as JSON text.</summary>
    public string AbiJson => Abi.GetRawText();

    /// <summary>The creation code; constructor arguments are appended to it when deploying.</summary>
    public ReadOnlyMemory<byte> Bytecode { get; }

    /// <summary>The runtime code, as <c>eth_getCode</c> returns it after deployment (without immutables filled in).</summary>
    public ReadOnlyMemory<byte> DeployedBytecode { get; }

    /// <summary>Function signature to 4-byte selector in hex without 0x, e.g. "value()" → "3fa4f245".</summary>
    public IReadOnlyDictionary<string, string> MethodIdentifiers { get; }

    /// <summary>Loads contracts/&lt;contractName&gt;.json from the test output folder.</summary>
    /// <exception cref="FileNotFoundException">No artefact of that name was built.</exception>
    public static ContractArtifact Load(string contractName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractName);
        var path = Path.Combine(AppContext.BaseDirectory, "contracts", contractName + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No artefact for contract '{contractName}': the build writes one per contract of contracts/ and tests/fixtures/contracts/.",
                path);
        }

        return LoadFrom(path);
    }

    /// <summary>Loads an artefact file.</summary>
    /// <exception cref="InvalidDataException">The file is not an artefact of contracts/build.mjs.</exception>
    public static ContractArtifact LoadFrom(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        try
        {
            var compiler = root.GetProperty("compiler");
            var methodIdentifiers = root.TryGetProperty("methodIdentifiers", out var identifiers)
                ? identifiers.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            return new ContractArtifact(
                root.GetProperty("contractName").GetString() ?? string.Empty,
                root.GetProperty("sourceName").GetString() ?? string.Empty,
                compiler.GetProperty("version").GetString() ?? string.Empty,
                compiler.GetProperty("evmVersion").GetString() ?? string.Empty,
                root.GetProperty("abi").Clone(),
                Hex.Decode(root.GetProperty("bytecode").GetString()),
                Hex.Decode(root.GetProperty("deployedBytecode").GetString()),
                methodIdentifiers);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a contract artefact of contracts/build.mjs: {exception.Message}", exception);
        }
    }
}
