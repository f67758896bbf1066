using System.Text.Json.Nodes;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class EthCallsTests
{
    private static readonly Address A = Address.Parse(RpcSamples.Sender);
    private static readonly Address B = Address.Parse(RpcSamples.Registry);
    private static readonly Hash32 T = Hash32.Parse(RpcSamples.Topic0);

    [Fact]
    public void An_empty_call_request_is_an_empty_object()
    {
        Assert.Equal("""[{}]""", EthCalls.EstimateGas(new CallRequest()).Parameters.GetRawText());
    }

    [Fact]
    public void Call_request_quantities_are_canonical_and_fees_are_included()
    {
        var call = EthCalls.EstimateGas(new CallRequest
        {
            GasPrice = 0,
            MaxFeePerGas = 0x0400,
            MaxPriorityFeePerGas = 255,
            Data = ReadOnlyMemory<byte>.Empty,
        });

        Assert.Equal(
            """[{"gasPrice":"0x0","maxFeePerGas":"0x400","maxPriorityFeePerGas":"0xff","input":"0x","data":"0x"}]""",
            call.Parameters.GetRawText());
    }

    [Fact]
    public void Several_addresses_go_out_as_an_array()
    {
        var call = EthCalls.GetLogs(new LogFilter { Addresses = [A, B] });

        Assert.Equal($$"""[{"address":["{{RpcSamples.Sender}}","{{RpcSamples.Registry}}"]}]""", call.Parameters.GetRawText());
    }

    [Fact]
    public void A_block_hash_filter_has_no_range()
    {
        var call = EthCalls.GetLogs(new LogFilter { BlockHash = T, Topics = [null, [T]] });

        Assert.Equal($$"""[{"blockHash":"{{RpcSamples.Topic0}}","topics":[null,"{{RpcSamples.Topic0}}"]}]""", call.Parameters.GetRawText());
    }

    [Fact]
    public void A_filter_with_a_block_hash_and_a_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => EthCalls.GetLogs(new LogFilter { BlockHash = T, FromBlock = 1 }));
    }

    [Fact]
    public void An_empty_address_list_is_rejected_rather_than_matching_every_contract()
    {
        var ex = Assert.Throws<ArgumentException>(() => EthCalls.GetLogs(new LogFilter { Addresses = [] }));

        Assert.Contains("address", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_filter_without_addresses_matches_every_contract()
    {
        Assert.Equal("""[{}]""", EthCalls.GetLogs(new LogFilter { Addresses = null }).Parameters.GetRawText());
    }

    [Fact]
    public void An_empty_topic_or_list_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => EthCalls.GetLogs(new LogFilter { Topics = [[T], []] }));
    }

    [Fact]
    public void Parameters_are_captured_when_the_call_is_built()
    {
        var parameters = new JsonArray("0x1");
        var call = RpcCall.Create("anvil_mine", parameters);

        parameters.Add("0x2");

        Assert.Equal("""["0x1"]""", call.Parameters.GetRawText());
        Assert.Equal("anvil_mine", call.Method);
    }

    [Fact]
    public void A_method_name_is_required()
    {
        Assert.Throws<ArgumentException>(() => RpcCall.Create(" ", null));
    }
}
