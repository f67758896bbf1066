using System.Numerics;
using System.Text.Json;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Tests.Abi;

public class ContractAbiTests
{
    private const string Registry = """
        [
          { "type": "constructor", "inputs": [{ "name": "governance", "type": "address", "internalType": "address" }], "stateMutability": "nonpayable" },
          { "type": "function", "name": "anchor", "inputs": [{ "name": "root", "type": "bytes32" }, { "name": "size", "type": "uint64" }], "outputs": [], "stateMutability": "nonpayable" },
          { "type": "function", "name": "issuer", "inputs": [{ "name": "issuerId", "type": "bytes32" }],
            "outputs": [{ "name": "", "type": "tuple", "internalType": "struct Issuer",
                          "components": [{ "name": "name", "type": "string" }, { "name": "key", "type": "address" }, { "name": "retiredAt", "type": "uint64" }] }],
            "stateMutability": "view" },
          { "type": "function", "name": "verify", "inputs": [{ "name": "leaf", "type": "bytes32" }], "outputs": [{ "name": "", "type": "bool" }], "stateMutability": "view" },
          { "type": "function", "name": "verify", "inputs": [{ "name": "leaf", "type": "bytes32" }, { "name": "path", "type": "bytes32[]" }], "outputs": [{ "name": "", "type": "bool" }], "stateMutability": "pure" },
          { "type": "event", "name": "Anchored", "anonymous": false,
            "inputs": [{ "name": "root", "type": "bytes32", "indexed": true }, { "name": "issuer", "type": "address", "indexed": true }, { "name": "size", "type": "uint64", "indexed": false }] },
          { "type": "error", "name": "NotGovernance", "inputs": [{ "name": "caller", "type": "address" }] },
          { "type": "error", "name": "AlreadyAnchored", "inputs": [{ "name": "root", "type": "bytes32" }] },
          { "type": "receive", "stateMutability": "payable" },
          { "type": "fallback", "stateMutability": "nonpayable" }
        ]
        """;

    private static readonly Address Caller = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

    public static TheoryData<int> SpecContracts
    {
        get
        {
            var data = new TheoryData<int>();
            for (int i = 0; i < AbiTestValues.Section("abi_json_spec.json", "contracts").Length; i++)
            {
                data.Add(i);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SpecContracts))]
    public void Parse_reads_the_spec_json_examples(int index)
    {
        var vector = AbiTestValues.Section("abi_json_spec.json", "contracts")[index];

        var abi = ContractAbi.FromJson(vector.GetProperty("abi"));

        Assert.Equal(vector.GetProperty("functions").EnumerateArray().Select(f => f.GetString()), abi.Functions.Select(f => f.Signature));
        var events = vector.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(events.Select(e => e.GetProperty("signature").GetString()), abi.Events.Select(e => e.Signature));
        for (int i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].GetProperty("indexed").EnumerateArray().Select(b => b.GetBoolean()), abi.Events[i].Inputs.Select(p => p.Indexed));
        }
    }

    [Fact]
    public void Parse_reads_constructor_functions_events_and_errors_and_skips_receive_and_fallback()
    {
        var abi = ContractAbi.Parse(Registry);

        Assert.Equal("governance", Assert.Single(abi.Constructor.Inputs).Name);
        Assert.Equal(["anchor(bytes32,uint64)", "issuer(bytes32)", "verify(bytes32)", "verify(bytes32,bytes32[])"], abi.Functions.Select(f => f.Signature).ToArray());
        Assert.Equal("Anchored(bytes32,address,uint64)", Assert.Single(abi.Events).Signature);
        Assert.Equal(["NotGovernance(address)", "AlreadyAnchored(bytes32)"], abi.Errors.Select(e => e.Signature).ToArray());
        Assert.Equal(AbiStateMutability.View, abi.GetFunction("issuer").StateMutability);
        Assert.Equal(AbiStateMutability.Pure, abi.GetFunction("verify(bytes32,bytes32[])").StateMutability);
    }

    [Fact]
    public void Tuple_outputs_decode_to_positional_arrays()
    {
        var issuer = ContractAbi.Parse(Registry).GetFunction("issuer");
        var returnData = issuer.EncodeOutput((object)new object[] { "Bauamt", Caller, 0 });

        var output = issuer.DecodeOutput(returnData);

        Assert.Equal("(string,address,uint64)", issuer.OutputTypes[0].CanonicalName);
        var tuple = output.Get<object?[]>(0);
        Assert.Equal("Bauamt", tuple[0]);
        Assert.Equal(Caller, tuple[1]);
        Assert.Equal(BigInteger.Zero, tuple[2]);
    }

    [Fact]
    public void Lookups_by_selector_topic_and_revert_data_find_the_declared_member()
    {
        var abi = ContractAbi.Parse(Registry);
        var anchor = abi.GetFunction("anchor");
        var anchored = abi.GetEvent("Anchored");

        Assert.Same(anchor, abi.FindFunction(anchor.EncodeCall(new byte[32], 4)));
        Assert.Same(anchored, abi.FindEvent(anchored.Topic0));
        Assert.Same(abi.GetError("NotGovernance"), abi.FindError(abi.GetError("NotGovernance").Encode(Caller)));
        Assert.Same(AbiError.RevertReason, abi.FindError(AbiError.RevertReason.Encode("no")));
        Assert.Same(AbiError.Panic, abi.FindError(AbiError.Panic.Encode(1)));
        Assert.Null(abi.FindError([1, 2, 3, 4]));
        Assert.Null(abi.FindFunction([]));
        Assert.Null(abi.FindEvent(new byte[32]));
    }

    [Fact]
    public void Lookup_by_an_overloaded_name_asks_for_the_signature()
    {
        var abi = ContractAbi.Parse(Registry);

        Assert.Throws<ArgumentException>(() => abi.GetFunction("verify"));
        Assert.Equal("verify(bytes32)", abi.GetFunction("verify(bytes32)").Signature);
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("revoke"));
        Assert.Throws<KeyNotFoundException>(() => abi.GetEvent("Revoked"));
        Assert.Throws<KeyNotFoundException>(() => abi.GetError("NotIssuer"));
    }

    [Fact]
    public void Parse_accepts_a_compiler_artefact_with_an_abi_property()
    {
        var abi = ContractAbi.Parse("{\"contractName\":\"NoticeRegistry\",\"abi\":" + Registry + "}");

        Assert.Equal(4, abi.Functions.Count);
    }

    [Fact]
    public void Parse_reads_legacy_constant_and_payable_flags()
    {
        var abi = ContractAbi.Parse("""
            [{ "name": "get", "constant": true, "inputs": [], "outputs": [{ "name": "", "type": "uint" }] },
             { "type": "function", "name": "pay", "payable": true, "inputs": [] }]
            """);

        Assert.Equal(AbiStateMutability.View, abi.GetFunction("get").StateMutability);
        Assert.Equal(AbiType.UInt256, abi.GetFunction("get").OutputTypes[0]);
        Assert.Equal(AbiStateMutability.Payable, abi.GetFunction("pay").StateMutability);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[{\"type\":\"function\",\"inputs\":[]}]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint7\"}]}]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple\"}]}]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuplex\",\"components\":[]}]}]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":{}}]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"stateMutability\":\"constant\"}]")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"anonymous\":\"no\",\"inputs\":[]}]")]
    [InlineData("[{\"type\":\"modifier\",\"name\":\"m\"}]")]
    [InlineData("[{\"type\":\"constructor\",\"inputs\":[]},{\"type\":\"constructor\",\"inputs\":[]}]")]
    public void Parse_rejects_an_invalid_json_abi(string json)
    {
        Assert.Throws<AbiException>(() => ContractAbi.Parse(json));
    }

    [Fact]
    public void Parse_rejection_names_the_entry()
    {
        var error = Assert.Throws<AbiException>(() => ContractAbi.Parse("[{\"type\":\"function\",\"name\":\"ok\"},{\"type\":\"error\"}]"));

        Assert.StartsWith("JSON ABI entry 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_reads_an_already_parsed_element()
    {
        using var document = JsonDocument.Parse(Registry);

        Assert.Equal(2, ContractAbi.FromJson(document.RootElement).Errors.Count);
    }

    [Fact]
    public void FromJson_stops_reading_components_at_the_depth_limit_instead_of_descending_further()
    {
        // The innermost component is malformed; a reader that descended all 100 levels would report that instead.
        using var document = JsonDocument.Parse(NestedTuples(100, "42"), new JsonDocumentOptions { MaxDepth = 1000 });

        var error = Assert.Throws<AbiException>(() => ContractAbi.FromJson(document.RootElement));

        Assert.Contains($"deeper than {AbiType.MaxDepth}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("must be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_reads_components_nested_exactly_to_the_depth_limit()
    {
        // Each tuple is one level and the innermost uint256 another, so MaxDepth - 1 tuples is the deepest type.
        const int deepest = AbiType.MaxDepth - 1;
        using var document = JsonDocument.Parse(NestedTuples(deepest, """{"type":"uint256"}"""), new JsonDocumentOptions { MaxDepth = 1000 });

        var function = Assert.Single(ContractAbi.FromJson(document.RootElement).Functions);

        Assert.Equal(deepest, function.InputTypes[0].CanonicalName.Count(c => c == '('));
        using var deeper = JsonDocument.Parse(NestedTuples(deepest + 1, """{"type":"uint256"}"""), new JsonDocumentOptions { MaxDepth = 1000 });
        Assert.Throws<AbiException>(() => ContractAbi.FromJson(deeper.RootElement));
    }

    private static string NestedTuples(int depth, string innermost) =>
        """[{"type":"function","name":"f","inputs":["""
        + string.Concat(Enumerable.Repeat("""{"type":"tuple","components":[""", depth))
        + innermost
        + string.Concat(Enumerable.Repeat("]}", depth))
        + "]}]";
}
