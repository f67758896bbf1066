using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Abi;

public class AbiEventTests
{
    private const string Selectors = "abi_selectors.json";

    private static readonly Address From = Address.Parse("0x79309abcff2cf531070ca9222a1f72c4a5136874");
    private static readonly Address To = Address.Parse("0x81b64b1c09d448d25c9eeb3ee3b8f3348a694c96");

    public static TheoryData<string> WellKnownEvents => AbiTestValues.Keys(Selectors, "events", "signature");

    [Theory]
    [MemberData(nameof(WellKnownEvents))]
    public void Topic0_matches_the_well_known_value(string signature)
    {
        var vector = AbiTestValues.Find(Selectors, "events", "signature", signature);

        Assert.Equal(vector.GetProperty("topic0").GetString(), Hex.Encode(AbiEvent.Parse(signature).Topic0));
    }

    [Fact]
    public void DecodeLog_reads_indexed_values_from_topics_and_the_rest_from_data()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        byte[][] topics =
        [
            Hex.Decode("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
            Hex.Decode("0x00000000000000000000000079309abcff2cf531070ca9222a1f72c4a5136874"),
            Hex.Decode("0x00000000000000000000000081b64b1c09d448d25c9eeb3ee3b8f3348a694c96"),
        ];
        var data = Hex.Decode("0x00000000000000000000000000000000000000000000000000000000b2d05e00");

        var values = transfer.DecodeLog(topics, data);

        Assert.Equal(From, values.Get<Address>("from"));
        Assert.Equal(To, values.Get<Address>("to"));
        Assert.Equal(new BigInteger(3_000_000_000), values.Get<BigInteger>("value"));
        Assert.True(transfer.Matches(topics));
    }

    [Fact]
    public void EncodeLog_produces_what_DecodeLog_reads()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");

        var log = transfer.EncodeLog(From, To, 3_000_000_000L);

        Assert.Equal(3, log.Topics.Count);
        Assert.Equal(transfer.Topic0.ToArray(), log.Topics[0]);
        Assert.Equal("0x00000000000000000000000000000000000000000000000000000000b2d05e00", Hex.Encode(log.Data.Span));
        Assert.Equal(To, transfer.DecodeLog(log).Get<Address>("to"));
    }

    [Fact]
    public void Indexed_dynamic_values_decode_to_the_keccak_hash_of_their_in_place_encoding()
    {
        var noticed = AbiEvent.Parse("Noticed(string indexed name, bytes indexed blob, uint256[] indexed ids, string note)");

        var values = noticed.DecodeLog(noticed.EncodeLog("Bescheid", new byte[] { 1, 2, 3 }, new object[] { 1, 2 }, "kept"));

        Assert.Equal(Keccak256.Hash("Bescheid"u8), values.Get<byte[]>("name"));
        Assert.Equal(Keccak256.Hash([1, 2, 3]), values.Get<byte[]>("blob"));
        Assert.Equal(Keccak256.Hash([.. AbiTestValues.Word(1), .. AbiTestValues.Word(2)]), values.Get<byte[]>("ids"));
        Assert.Equal("kept", values.Get<string>("note"));
    }

    [Fact]
    public void EncodeTopic_pads_strings_inside_structs_to_whole_words()
    {
        var topic = AbiEvent.EncodeTopic(AbiType.Parse("(string,uint8)"), new object[] { "ab", 7 });

        byte[] inPlace = [0x61, 0x62, .. new byte[30], .. AbiTestValues.Word(7)];
        Assert.Equal(Keccak256.Hash(inPlace), topic);
    }

    [Fact]
    public void EncodeTopic_of_a_value_type_is_its_word()
    {
        Assert.Equal(AbiTestValues.Word(5), AbiEvent.EncodeTopic(AbiType.UInt(8), 5));
    }

    [Fact]
    public void Anonymous_events_have_no_topic0_and_allow_four_indexed_parameters()
    {
        var anonymous = AbiEvent.Parse("Four(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d, bool e) anonymous");

        var log = anonymous.EncodeLog(1, 2, 3, 4, true);
        var values = anonymous.DecodeLog(log);

        Assert.True(anonymous.Anonymous);
        Assert.Equal(4, log.Topics.Count);
        Assert.Equal(AbiTestValues.Word(1), log.Topics[0]);
        Assert.Equal(new BigInteger(4), values.Get<BigInteger>("d"));
        Assert.True(values.Get<bool>("e"));
        Assert.False(anonymous.Matches(log.Topics));
    }

    [Fact]
    public void More_than_three_indexed_parameters_are_rejected_for_a_named_event()
    {
        Assert.Throws<AbiException>(() => AbiEvent.Parse("Four(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));
        Assert.Throws<AbiException>(() => AbiEvent.Parse("Five(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d, uint8 indexed e) anonymous"));
    }

    [Fact]
    public void DecodeLog_rejects_a_topic_count_that_does_not_match_the_indexed_parameters()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var log = transfer.EncodeLog(From, To, 1);
        var data = log.Data.ToArray();

        Assert.Throws<AbiException>(() => transfer.DecodeLog(log.Topics.Take(2).ToArray(), data));
        Assert.Throws<AbiException>(() => transfer.DecodeLog([.. log.Topics, new byte[32]], data));
        Assert.False(transfer.Matches(log.Topics.Take(2).ToArray()));
    }

    [Fact]
    public void DecodeLog_rejects_another_events_topic0()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var approval = AbiEvent.Parse("Approval(address indexed owner, address indexed spender, uint256 value)");

        var log = approval.EncodeLog(From, To, 1);

        Assert.Throws<AbiException>(() => transfer.DecodeLog(log));
    }

    [Fact]
    public void DecodeLog_rejects_a_topic_that_is_not_32_bytes_or_has_dirty_high_bytes()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var log = transfer.EncodeLog(From, To, 1);
        var data = log.Data.ToArray();
        var dirty = (byte[])log.Topics[1].Clone();
        dirty[0] = 1;

        Assert.Throws<AbiException>(() => transfer.DecodeLog([log.Topics[0], log.Topics[1][..31], log.Topics[2]], data));
        Assert.Throws<AbiException>(() => transfer.DecodeLog([log.Topics[0], dirty, log.Topics[2]], data));
    }

    [Fact]
    public void DecodeLog_rejects_malformed_data()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var log = transfer.EncodeLog(From, To, 1);

        Assert.Throws<AbiException>(() => transfer.DecodeLog(log.Topics, log.Data.Span[..31]));
    }
}
