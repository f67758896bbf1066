using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiErrorTests
{
    private const string Selectors = "abi_selectors.json";

    public static TheoryData<string> WellKnownErrors => AbiTestValues.Keys(Selectors, "errors", "signature");

    [Theory]
    [MemberData(nameof(WellKnownErrors))]
    public void Selector_matches_the_well_known_value(string signature)
    {
        var vector = AbiTestValues.Find(Selectors, "errors", "signature", signature);

        Assert.Equal(vector.GetProperty("selector").GetString(), Hex.Encode(AbiError.Parse(signature).Selector));
    }

    [Fact]
    public void Predefined_errors_are_the_ones_solidity_emits()
    {
        Assert.Equal("Error(string)", AbiError.RevertReason.Signature);
        Assert.Equal("0x08c379a0", Hex.Encode(AbiError.RevertReason.Selector));
        Assert.Equal("Panic(uint256)", AbiError.Panic.Signature);
        Assert.Equal("0x4e487b71", Hex.Encode(AbiError.Panic.Selector));
    }

    [Fact]
    public void RevertReason_decodes_and_encodes_the_solidity_docs_example()
    {
        var vector = AbiTestValues.Section(Selectors, "reverts").Single();
        var revertData = Hex.Decode(vector.GetProperty("revertData").GetString()!);
        string message = vector.GetProperty("message").GetString()!;

        Assert.True(AbiError.RevertReason.Matches(revertData));
        Assert.Equal(message, AbiError.RevertReason.Decode(revertData).Get<string>("message"));
        Assert.Equal(revertData, AbiError.RevertReason.Encode(message));
    }

    [Fact]
    public void A_custom_error_round_trips_its_arguments()
    {
        var notGovernance = AbiError.Parse("NotGovernance(address caller)");
        var caller = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        var revertData = notGovernance.Encode(caller);

        Assert.Equal("NotGovernance(address)", notGovernance.Signature);
        Assert.Equal(4 + 32, revertData.Length);
        Assert.Equal(notGovernance.Selector.ToArray(), revertData[..4]);
        Assert.Equal(caller, notGovernance.Decode(revertData).Get<Address>("caller"));
    }

    [Fact]
    public void Decode_rejects_revert_data_of_another_error()
    {
        var notGovernance = AbiError.Parse("NotGovernance(address caller)");
        var panic = AbiError.Panic.Encode(0x11);

        Assert.False(notGovernance.Matches(panic));
        Assert.Throws<AbiException>(() => notGovernance.Decode(panic));
        Assert.Throws<AbiException>(() => notGovernance.Decode([]));
        Assert.Equal(new BigInteger(0x11), AbiError.Panic.Decode(panic).Get<BigInteger>("code"));
    }

    [Fact]
    public void Decode_rejects_truncated_arguments()
    {
        var revertData = AbiError.RevertReason.Encode("Not enough Ether provided.");

        Assert.Throws<AbiException>(() => AbiError.RevertReason.Decode(revertData.AsSpan(0, revertData.Length - 32)));
    }

    [Fact]
    public void Error_parameters_cannot_be_indexed()
    {
        Assert.Throws<AbiException>(() => AbiError.Parse("E(uint8 indexed a)"));
        Assert.Throws<AbiException>(() => new AbiError("E", [new AbiParameter("a", AbiType.Bool, indexed: true)]));
    }
}
