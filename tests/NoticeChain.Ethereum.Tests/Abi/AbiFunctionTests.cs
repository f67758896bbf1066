using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiFunctionTests
{
    private const string Examples = "abi_spec_examples.json";
    private const string Selectors = "abi_selectors.json";

    public static TheoryData<string> SpecCalls => AbiTestValues.Keys(Examples, "calls", "declaration");

    public static TheoryData<string> WellKnownFunctions => AbiTestValues.Keys(Selectors, "functions", "signature");

    [Theory]
    [MemberData(nameof(SpecCalls))]
    public void EncodeCall_matches_the_spec_example(string declaration)
    {
        var vector = AbiTestValues.Find(Examples, "calls", "declaration", declaration);
        var function = AbiFunction.Parse(declaration);
        var args = AbiTestValues.FromJson(function.InputTypes, vector.GetProperty("args"));

        var callData = function.EncodeCall(args);

        Assert.Equal(vector.GetProperty("signature").GetString(), function.Signature);
        Assert.Equal(vector.GetProperty("selector").GetString(), Hex.Encode(function.Selector));
        Assert.Equal(vector.GetProperty("callData").GetString(), Hex.Encode(callData));
    }

    [Theory]
    [MemberData(nameof(SpecCalls))]
    public void DecodeCall_reads_the_spec_example_back(string declaration)
    {
        var vector = AbiTestValues.Find(Examples, "calls", "declaration", declaration);
        var function = AbiFunction.Parse(declaration);

        var decoded = function.DecodeCall(Hex.Decode(vector.GetProperty("callData").GetString()!));

        AbiTestValues.AssertAbiEqual(AbiTestValues.FromJson(function.InputTypes, vector.GetProperty("args")), decoded.Values);
    }

    [Theory]
    [MemberData(nameof(WellKnownFunctions))]
    public void Selector_matches_the_well_known_value(string signature)
    {
        var vector = AbiTestValues.Find(Selectors, "functions", "signature", signature);

        Assert.Equal(vector.GetProperty("selector").GetString(), Hex.Encode(AbiFunction.Parse(signature).Selector));
    }

    [Fact]
    public void DecodeOutput_reads_the_spec_baz_result()
    {
        var vector = AbiTestValues.Section(Examples, "outputs").Single();
        var baz = AbiFunction.Parse(vector.GetProperty("declaration").GetString()!);

        var output = baz.DecodeOutput(Hex.Decode(vector.GetProperty("returnData").GetString()!));

        Assert.False(output.Get<bool>("r"));
        Assert.Equal(vector.GetProperty("returnData").GetString(), Hex.Encode(baz.EncodeOutput(false)));
    }

    [Fact]
    public void Parse_reads_names_mutability_and_return_values()
    {
        var function = AbiFunction.Parse("balanceOf(address owner) view returns (uint256 balance)");

        Assert.Equal("balanceOf", function.Name);
        Assert.Equal("balanceOf(address)", function.Signature);
        Assert.Equal("owner", function.Inputs[0].Name);
        Assert.Equal(AbiType.Address, function.Inputs[0].Type);
        Assert.Equal("balance", Assert.Single(function.Outputs).Name);
        Assert.Equal(AbiStateMutability.View, function.StateMutability);
    }

    [Fact]
    public void Parse_accepts_data_locations_and_whitespace_copied_from_solidity()
    {
        var function = AbiFunction.Parse(" sam( bytes memory data , bool flag, uint[] calldata ids ) ");

        Assert.Equal("sam(bytes,bool,uint256[])", function.Signature);
        Assert.Equal(new[] { "data", "flag", "ids" }, function.Inputs.Select(p => p.Name));
    }

    [Theory]
    [InlineData("baz(uint32,bool")]
    [InlineData("baz uint32")]
    [InlineData("(uint32)")]
    [InlineData("1baz()")]
    [InlineData("baz(uint32,,bool)")]
    [InlineData("baz(uint32 a b)")]
    [InlineData("baz(uint32 indexed x)")]
    [InlineData("baz(uint32) anonymous")]
    [InlineData("baz(uint32) returns")]
    [InlineData("baz(uint32) returns (bool) extra")]
    [InlineData("baz(uint33)")]
    [InlineData("baz(uint32)x")]
    public void Parse_rejects_a_malformed_signature(string signature)
    {
        Assert.Throws<AbiException>(() => AbiFunction.Parse(signature));
    }

    [Fact]
    public void DecodeCall_returns_arguments_by_name()
    {
        var transfer = AbiFunction.Parse("transfer(address to, uint256 amount)");
        var to = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        var args = transfer.DecodeCall(transfer.EncodeCall(to, 1000));

        Assert.Equal(to, args.Get<Address>("to"));
        Assert.Equal(new BigInteger(1000), args.Get<BigInteger>("amount"));
        Assert.Equal(to, args[0]);
        Assert.Throws<KeyNotFoundException>(() => args["from"]);
    }

    [Fact]
    public void DecodeCall_rejects_call_data_of_another_function()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var approve = AbiFunction.Parse("approve(address,uint256)");
        var callData = approve.EncodeCall(new Address(new byte[20]), 1);

        Assert.False(transfer.Matches(callData));
        Assert.True(approve.Matches(callData));
        Assert.Throws<AbiException>(() => transfer.DecodeCall(callData));
        Assert.Throws<AbiException>(() => transfer.DecodeCall(callData.AsSpan(0, 3)));
    }

    [Fact]
    public void A_single_array_argument_is_passed_as_one_object()
    {
        var function = AbiFunction.Parse("sum(uint256[])");

        var callData = function.EncodeCall((object)new object[] { 1, 2 });

        AbiTestValues.AssertAbiEqual(new object[] { new object[] { 1, 2 } }, function.DecodeCall(callData).Values);
    }

    [Fact]
    public void Function_parameters_cannot_be_indexed()
    {
        Assert.Throws<AbiException>(() => new AbiFunction("f", [new AbiParameter("a", AbiType.Bool, indexed: true)]));
    }
}
