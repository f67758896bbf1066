using System.Text.Json;

namespace NoticeChain.IntegrationTests.Infrastructure;

/// <summary>The pinned Solidity recipe of contracts/compiler.json, as far as the tests need it.</summary>
/// <remarks>
/// contracts/build.mjs compiles with this file and the dev chain starts with <c>--hardfork</c> set to its
/// <c>evmVersion</c>; reading the same file here keeps the test chain on the fork the bytecode was built for.
/// </remarks>
/// <param name="SolcVersion">The exact solc version, e.g. "0.8.37".</param>
/// <param name="EvmVersion">The EVM version the code targets, which is also Anvil's hardfork name, e.g. "paris".</param>
public sealed record CompilerRecipe(string SolcVersion, string EvmVersion)
{
    /// <summary>Reads contracts/compiler.json of the repository the tests belong to.</summary>
    public static CompilerRecipe Load() => LoadFrom(Path.Combine(RepositoryRoot.Location, "contracts", "compiler.json"));

    /// <summary>Reads a compiler recipe file.</summary>
    /// <exception cref="InvalidDataException">A required field is missing or not a string.</exception>
    public static CompilerRecipe LoadFrom(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new CompilerRecipe(
            RequiredString(document.RootElement, "solcVersion", path),
            RequiredString(document.RootElement, "evmVersion", path));
    }

    private static string RequiredString(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{path}: \"{name}\" must be a non-empty string.");
}
