using NoticeChain.Chain;
using NoticeChain.Ethereum.Abi;
using NoticeChain.IntegrationTests.Infrastructure;

namespace NoticeChain.IntegrationTests.Chain;

/// <summary>The binding's hand-declared ABI is exactly the one solc emits for contracts/NoticeRegistry.sol.</summary>
public sealed class NoticeRegistryAbiTests
{
    private static readonly ContractAbi Compiled = ContractAbi.FromJson(ContractArtifact.Load("NoticeRegistry").Abi);

    [Fact]
    public void Binding_declares_the_functions_of_the_compiled_contract_with_names_mutability_and_outputs()
    {
        Assert.Equal(Describe(Compiled.Functions), Describe(NoticeRegistryAbi.Contract.Functions));
    }

    [Fact]
    public void Binding_declares_the_events_of_the_compiled_contract_with_names_and_indexed_flags()
    {
        Assert.Equal(Describe(Compiled.Events), Describe(NoticeRegistryAbi.Contract.Events));
    }

    [Fact]
    public void Binding_declares_the_custom_errors_of_the_compiled_contract_with_argument_names()
    {
        Assert.Equal(Describe(Compiled.Errors), Describe(NoticeRegistryAbi.Contract.Errors));
    }

    [Fact]
    public void Binding_declares_the_constructor_of_the_compiled_contract()
    {
        Assert.Equal(Parameters(Compiled.Constructor.Inputs), Parameters(NoticeRegistryAbi.Contract.Constructor.Inputs));
    }

    [Fact]
    public void Selectors_match_the_compilers_method_identifiers()
    {
        var identifiers = ContractArtifact.Load("NoticeRegistry").MethodIdentifiers;

        Assert.Equal(identifiers.Count, NoticeRegistryAbi.Contract.Functions.Count);
        Assert.All(NoticeRegistryAbi.Contract.Functions, f => Assert.Equal(identifiers[f.Signature], Convert.ToHexStringLower(f.Selector)));
    }

    [Fact]
    public void Reason_codes_are_numbered_as_in_the_contract()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Location, "contracts", "NoticeRegistry.sol"));
        var start = source.IndexOf("enum Reason {", StringComparison.Ordinal);
        var body = source[(start + "enum Reason {".Length)..source.IndexOf('}', start)];
        var members = body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(Enum.GetNames<RevocationReason>(), members);
        Assert.All(Enum.GetValues<RevocationReason>(), r => Assert.Equal(Array.IndexOf(members, r.ToString()), (int)r));
    }

    private static string[] Describe(IEnumerable<AbiFunction> functions) =>
        [.. functions.Select(f => $"{f.Name}({Parameters(f.Inputs)}) {f.StateMutability} returns ({string.Join(',', f.OutputTypes)})").Order(StringComparer.Ordinal)];

    private static string[] Describe(IEnumerable<AbiEvent> events) =>
        [.. events.Select(e => $"{e.Name}({Parameters(e.Inputs)}) anonymous={e.Anonymous}").Order(StringComparer.Ordinal)];

    private static string[] Describe(IEnumerable<AbiError> errors) =>
        [.. errors.Select(e => $"{e.Name}({Parameters(e.Inputs)})").Order(StringComparer.Ordinal)];

    private static string Parameters(IEnumerable<AbiParameter> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Type}{(p.Indexed ? " indexed" : string.Empty)} {p.Name}"));
}
