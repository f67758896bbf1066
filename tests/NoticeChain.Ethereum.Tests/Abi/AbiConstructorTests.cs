using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiConstructorTests
{
    private static readonly byte[] Bytecode = Hex.Decode("0x6080604052348015600f57600080fd5b50");

    [Fact]
    public void EncodeDeployment_appends_the_encoded_arguments_to_the_bytecode()
    {
        var constructor = AbiConstructor.Parse("constructor(address governance, string name)");
        var governance = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

        var deployment = constructor.EncodeDeployment(Bytecode, governance, "Registry");

        Assert.Equal(Bytecode, deployment[..Bytecode.Length]);
        Assert.Equal(constructor.EncodeArguments(governance, "Registry"), deployment[Bytecode.Length..]);
        Assert.Equal(governance, constructor.DecodeArguments(deployment.AsSpan(Bytecode.Length)).Get<Address>("governance"));
    }

    [Fact]
    public void The_default_constructor_deploys_the_bare_bytecode()
    {
        Assert.Empty(AbiConstructor.Default.Inputs);
        Assert.Equal(Bytecode, AbiConstructor.Default.EncodeDeployment(Bytecode));
    }

    [Fact]
    public void Parse_reads_payable_and_requires_the_constructor_keyword()
    {
        Assert.Equal(AbiStateMutability.Payable, AbiConstructor.Parse("constructor(uint256 a) payable").StateMutability);
        Assert.Throws<AbiException>(() => AbiConstructor.Parse("init(uint256 a)"));
        Assert.Throws<AbiException>(() => AbiConstructor.Parse("constructor(uint256 a) view"));
    }

    [Fact]
    public void EncodeDeployment_rejects_missing_arguments()
    {
        var constructor = AbiConstructor.Parse("constructor(address governance)");

        Assert.Throws<AbiException>(() => constructor.EncodeDeployment(Bytecode));
    }
}
