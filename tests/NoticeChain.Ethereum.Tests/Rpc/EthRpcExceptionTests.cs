using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class EthRpcExceptionTests
{
    [Theory]
    [InlineData("\"0x08c379a0\"", new byte[] { 0x08, 0xc3, 0x79, 0xa0 })]
    [InlineData("\"0x\"", new byte[0])]
    public void Hex_string_data_is_decoded(string dataJson, byte[] expected)
    {
        var ex = new EthRpcException(3, "execution reverted", dataJson, "eth_call");

        Assert.Equal(expected, ex.DataBytes!.Value.ToArray());
    }

    [Theory]
    [InlineData("\"Reverted 0x08c379a0\"")]
    [InlineData("\"0x123\"")]
    [InlineData("\"08c379a0\"")]
    [InlineData("42")]
    [InlineData("{\"message\":\"x\",\"data\":\"0x01\"}")]
    public void Data_that_is_not_a_0x_hex_string_is_not_decoded(string dataJson)
    {
        var ex = new EthRpcException(3, "execution reverted", dataJson, "eth_call");

        Assert.Null(ex.DataBytes);
        Assert.Equal(dataJson, ex.DataJson);
    }

    [Fact]
    public void ToString_names_code_method_and_data()
    {
        var text = new EthRpcException(-32000, "nonce too low", "\"0x01\"", "eth_sendRawTransaction").ToString();

        Assert.Contains("-32000", text, StringComparison.Ordinal);
        Assert.Contains("eth_sendRawTransaction", text, StringComparison.Ordinal);
        Assert.Contains("nonce too low", text, StringComparison.Ordinal);
        Assert.Contains("0x01", text, StringComparison.Ordinal);
    }
}
