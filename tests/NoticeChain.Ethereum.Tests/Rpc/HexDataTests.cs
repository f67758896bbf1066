using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Ethereum.Tests.Rpc;

public sealed class HexDataTests
{
    public static TheoryData<string, bool, string?> SpecData()
    {
        var data = new TheoryData<string, bool, string?>();
        foreach (var vector in HexEncodingVectors.Load().GetProperty("data").EnumerateArray())
        {
            var accepted = vector.GetProperty("accepted").GetBoolean();
            data.Add(vector.GetProperty("text").GetString()!, accepted, accepted ? vector.GetProperty("hex").GetString() : null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecData))]
    public void Parsing_follows_the_spec_examples(string text, bool accepted, string? hex)
    {
        Assert.Equal(accepted, HexData.TryParse(text, out var bytes));
        if (accepted)
        {
            Assert.Equal(Convert.FromHexString(hex!), bytes);
            Assert.Equal(text, HexData.Format(bytes));
        }
        else
        {
            Assert.Throws<FormatException>(() => HexData.Parse(text));
        }
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Assert.Throws<FormatException>(() => HexData.Parse(null));
    }
}
