using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Tests.Rlp;

/// <summary>
/// The RLP vectors of ethereum/tests: <c>RLPTests/rlptest.json</c> (valid) and
/// <c>RLPTests/invalidRLPTest.json</c> (invalid), stored unchanged under <c>Vectors/rlp/</c>;
/// repository, path and commit are in <c>Vectors/rlp/_source.json</c>.
/// </summary>
public sealed class RlpOfficialVectorTests
{
    public static TheoryData<string> ValidVectors => RlpTestVectors.ValidNames();

    public static TheoryData<string> InvalidVectors => RlpTestVectors.InvalidNames();

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Encoding_the_input_gives_the_expected_output(string name)
    {
        var vector = RlpTestVectors.Load(RlpTestVectors.ValidFile, name);

        var encoded = RlpWriter.Encode(RlpTestVectors.ToItem(vector.GetProperty("in")));

        Assert.Equal(RlpTestVectors.Out(vector), encoded);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Decoding_the_output_gives_the_input_tree(string name)
    {
        var vector = RlpTestVectors.Load(RlpTestVectors.ValidFile, name);

        var decoded = RlpReader.Decode(RlpTestVectors.Out(vector));

        RlpTrees.AssertSame(RlpTestVectors.ToItem(vector.GetProperty("in")), decoded);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Decoding_then_encoding_the_output_gives_the_output(string name)
    {
        var expected = RlpTestVectors.Out(RlpTestVectors.Load(RlpTestVectors.ValidFile, name));

        var reencoded = RlpReader.Decode(expected).Encode();

        Assert.Equal(expected, reencoded);
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Decoding_an_invalid_vector_throws_RlpException(string name)
    {
        var vector = RlpTestVectors.Load(RlpTestVectors.InvalidFile, name);
        Assert.Equal("INVALID", vector.GetProperty("in").GetString());
        var encoded = RlpTestVectors.Out(vector);

        Assert.Throws<RlpException>(() => RlpReader.Decode(encoded));
        Assert.False(RlpReader.TryDecode(encoded, out var item));
        Assert.Null(item);
    }

    [Fact]
    public void Withdrawn_listofbinaries_output_is_rejected_for_its_trailing_bytes()
    {
        var vector = RlpTestVectors.Load(RlpTestVectors.ValidFile, RlpTestVectors.WithdrawnListOfBinaries);
        var output = RlpTestVectors.Out(vector);

        var exception = Assert.Throws<RlpException>(() => RlpReader.Decode(output));

        Assert.Contains("trailing", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(output, RlpWriter.Encode(RlpTestVectors.ToItem(vector.GetProperty("in"))));
    }
}
