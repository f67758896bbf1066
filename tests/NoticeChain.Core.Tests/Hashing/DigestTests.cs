using System.Text;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Tests.Hashing;

public sealed class DigestTests
{
    private const string Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in VectorFile.Load("sha256.json").Array("vectors"))
        {
            names.Add(vector.Text("name"));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Compute_matches_the_FIPS_180_known_answer(string name)
    {
        var (document, expected) = Vector(name);

        Assert.Equal(expected, Digest.Compute(document).ToString());
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public async Task ComputeAsync_over_a_stream_matches_the_known_answer(string name)
    {
        var (document, expected) = Vector(name);
        using var stream = new MemoryStream(document);

        var digest = await Digest.ComputeAsync(stream);

        Assert.Equal(expected, digest.ToString());
    }

    [Fact]
    public async Task ComputeAsync_hashes_a_stream_that_delivers_odd_sized_pieces()
    {
        var document = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        using var stream = new TrickleStream(document, pieceSize: 997);

        var digest = await Digest.ComputeAsync(stream);

        Assert.Equal(Digest.Compute(document), digest);
    }

    [Fact]
    public async Task ComputeAsync_reads_from_the_current_position_to_the_end()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("xxabc"));
        stream.Position = 2;

        var digest = await Digest.ComputeAsync(stream);

        Assert.Equal(Abc, digest.ToString());
    }

    [Fact]
    public async Task ComputeAsync_stops_when_cancelled()
    {
        using var stream = new MemoryStream(new byte[1000]);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Digest.ComputeAsync(stream, cancellation.Token));
    }

    [Fact]
    public async Task ComputeAsync_rejects_a_null_stream()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Digest.ComputeAsync(null!));
    }

    [Fact]
    public void Parse_and_ToString_round_trip_in_lower_case()
    {
        var digest = Digest.Parse(Abc);

        Assert.Equal(Abc, digest.ToString());
        Assert.Equal(Convert.FromHexString(Abc), digest.ToArray());
    }

    [Fact]
    public void Parse_accepts_upper_case_digits_and_prints_lower_case()
    {
        var digest = Digest.Parse(Abc.ToUpperInvariant());

        Assert.Equal(Abc, digest.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00")]
    [InlineData("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f2001")]
    [InlineData(" ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a ")]
    [InlineData("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223 00361a396177a9cb410ff61f20015ad")]
    public void Parse_rejects_anything_but_64_hex_digits(string text)
    {
        Assert.False(Digest.TryParse(text, out var digest));
        Assert.Equal(default, digest);
        Assert.Throws<FormatException>(() => Digest.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_rejects_a_value_that_is_not_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => new Digest(new byte[length]));
    }

    [Fact]
    public void CopyTo_rejects_a_destination_shorter_than_32_bytes()
    {
        var digest = Digest.Parse(Abc);

        Assert.Throws<ArgumentException>(() => digest.CopyTo(new byte[31]));
    }

    [Fact]
    public void CopyTo_writes_only_the_first_32_bytes_of_a_longer_destination()
    {
        var destination = Enumerable.Repeat((byte)0xee, 40).ToArray();

        Digest.Parse(Abc).CopyTo(destination);

        Assert.Equal(Convert.FromHexString(Abc), destination[..32]);
        Assert.All(destination[32..], b => Assert.Equal(0xee, b));
    }

    [Fact]
    public void Digests_compare_by_value()
    {
        var a = Digest.Parse(Abc);
        var same = new Digest(Convert.FromHexString(Abc));
        var other = Digest.Compute([]);

        Assert.True(a == same);
        Assert.False(a != same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.True(a != other);
        Assert.False(a.Equals((object)other));
        Assert.False(a.Equals("not a digest"));
    }

    [Fact]
    public void Default_is_the_all_zero_value()
    {
        Assert.Equal(new string('0', 64), default(Digest).ToString());
    }

    private static (byte[] Document, string Digest) Vector(string name)
    {
        var vector = VectorFile.Load("sha256.json").Array("vectors").Single(v => v.Text("name") == name);
        var text = string.Concat(Enumerable.Repeat(vector.Text("text"), vector.GetProperty("repeat").GetInt32()));
        return (Encoding.ASCII.GetBytes(text), vector.Text("digest"));
    }

    /// <summary>A fake stream that returns at most <c>pieceSize</c> bytes per read, as a network upload does.</summary>
    private sealed class TrickleStream(byte[] data, int pieceSize) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, pieceSize));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, pieceSize)], cancellationToken);
    }
}
