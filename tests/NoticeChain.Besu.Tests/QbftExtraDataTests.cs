using System.Text.Json;
using NoticeChain.Besu.GenesisTool;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Besu.Tests;

public sealed class QbftExtraDataTests
{
    public static TheoryData<string, string, string[]> BesuVectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "qbft-extradata.json")));
        var data = new TheoryData<string, string, string[]>();
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(
                vector.GetProperty("name").GetString()!,
                vector.GetProperty("extraData").GetString()!,
                vector.GetProperty("validators").EnumerateArray().Select(v => v.GetString()!).ToArray());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BesuVectors))]
    public void Besu_documented_extradata_decodes_to_its_validators(string name, string extraData, string[] validators)
    {
        var decoded = QbftExtraData.Decode(Hex.Decode(extraData));

        Assert.Equal(validators, decoded.Validators.Select(v => v.ToLowerHex()).ToArray());
        Assert.True(decoded.Vote is null, name);
        Assert.Equal(0UL, decoded.Round);
        Assert.Equal(0, decoded.SealCount);
        Assert.False(decoded.Vanity.Span.ContainsAnyExcept((byte)0));
    }

    [Theory]
    [MemberData(nameof(BesuVectors))]
    public void Encoding_the_documented_validators_reproduces_Besus_bytes(string name, string extraData, string[] validators)
    {
        if (validators.Length == 0)
        {
            Assert.Throws<ArgumentException>(() => QbftExtraData.EncodeGenesis([]));
            return;
        }

        var encoded = QbftExtraData.EncodeGenesis(validators.Select(v => Address.Parse(v)).ToArray());

        Assert.True(extraData == Hex.Encode(encoded), name);
    }

    [Fact]
    public void A_vote_a_round_and_seals_decode_and_make_it_no_genesis_extradata()
    {
        var validator = Address.Parse("0x64a702e6263b7297a96638cac6ae65e6541f4169");
        var candidate = Address.Parse("0x3923390ad55e90c237593b3b0e401f3b08a03185");
        var bytes = RlpItem.List(
            RlpItem.FromBytes(new byte[32]),
            RlpItem.List(RlpItem.FromBytes(validator.ToArray())),
            RlpItem.List(RlpItem.FromBytes(candidate.ToArray()), RlpItem.FromBytes([0xff])),
            RlpItem.FromUInt64(3),
            RlpItem.List(RlpItem.FromBytes(new byte[65]), RlpItem.FromBytes(new byte[65]))).Encode();

        var decoded = QbftExtraData.Decode(bytes);

        Assert.Equal(new QbftVote(candidate, Add: true), decoded.Vote);
        Assert.Equal(3UL, decoded.Round);
        Assert.Equal(2, decoded.SealCount);
        Assert.False(decoded.IsGenesis);
    }

    public static TheoryData<string, byte[]> MalformedExtraData()
    {
        var address = RlpItem.FromBytes(new byte[20]);
        var vanity = RlpItem.FromBytes(new byte[32]);
        var none = RlpItem.List();
        var round0 = RlpItem.FromUInt64(0);
        var valid = RlpItem.List(vanity, RlpItem.List(address), none, round0, none).Encode();
        return new TheoryData<string, byte[]>
        {
            { "four fields (IBFT 1.0 style)", RlpItem.List(vanity, RlpItem.List(address), none, round0).Encode() },
            { "31-byte vanity", RlpItem.List(RlpItem.FromBytes(new byte[31]), RlpItem.List(address), none, round0, none).Encode() },
            { "19-byte validator", RlpItem.List(vanity, RlpItem.List(RlpItem.FromBytes(new byte[19])), none, round0, none).Encode() },
            { "validators not a list", RlpItem.List(vanity, address, none, round0, none).Encode() },
            { "vote type 0x01", RlpItem.List(vanity, RlpItem.List(address), RlpItem.List(address, RlpItem.FromBytes([0x01])), round0, none).Encode() },
            { "64-byte seal", RlpItem.List(vanity, RlpItem.List(address), none, round0, RlpItem.List(RlpItem.FromBytes(new byte[64]))).Encode() },
            { "round beyond 32 bits", RlpItem.List(vanity, RlpItem.List(address), none, RlpItem.FromUInt64(1UL << 32), none).Encode() },
            { "trailing byte", [.. valid, 0x00] },
            { "not a list", RlpItem.FromBytes(new byte[40]).Encode() },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedExtraData))]
    public void Malformed_extradata_is_rejected(string name, byte[] extraData)
    {
        var e = Assert.Throws<RlpException>(() => QbftExtraData.Decode(extraData));
        Assert.False(string.IsNullOrEmpty(e.Message), name);
    }

    [Fact]
    public void A_duplicate_validator_is_refused()
    {
        var validator = Address.Parse("0x64a702e6263b7297a96638cac6ae65e6541f4169");
        Assert.Throws<ArgumentException>(() => QbftExtraData.EncodeGenesis([validator, validator]));
    }
}
