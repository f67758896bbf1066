namespace NoticeChain.IntegrationTests.Infrastructure;

public sealed class ContractArtifactTests
{
    [Fact]
    public void Counter_artifact_is_compiled_with_the_pinned_recipe()
    {
        var recipe = CompilerRecipe.Load();

        var counter = ContractArtifact.Load("Counter");

        Assert.Equal("Counter", counter.ContractName);
        Assert.Equal("tests/fixtures/contracts/Counter.sol", counter.SourceName);
        Assert.Equal(recipe.EvmVersion, counter.EvmVersion);
        Assert.StartsWith(recipe.SolcVersion + "+", counter.CompilerVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_artifact_has_code_abi_and_selectors()
    {
        var counter = ContractArtifact.Load("Counter");

        Assert.False(counter.Bytecode.IsEmpty);
        Assert.False(counter.DeployedBytecode.IsEmpty);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, counter.Abi.ValueKind);
        Assert.Contains("\"TooLarge\"", counter.AbiJson, StringComparison.Ordinal);
        Assert.Equal("3fa4f245", counter.MethodIdentifiers["value()"]);
    }

    [Fact]
    public void Load_of_an_unknown_contract_names_the_missing_file()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ContractArtifact.Load("NoSuchContract"));

        Assert.EndsWith("NoSuchContract.json", error.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFrom_rejects_a_file_that_is_not_an_artifact()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-an-artifact-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"contractName":"X"}""");
        try
        {
            Assert.Throws<InvalidDataException>(() => ContractArtifact.LoadFrom(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Repository_root_holds_the_solution_and_the_compiler_recipe()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Location, "NoticeChain.sln")));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Location, "contracts", "compiler.json")));
        Assert.Null(RepositoryRoot.FindFrom(Path.GetPathRoot(Path.GetTempPath())!));
    }
}
