using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Crypto;

public sealed class Keccak256Tests
{
    private const string VectorFile = "keccak256.json";

    public static TheoryData<string> VectorNames()
    {
        var names = new TheoryData<string>();
        foreach (var vector in CryptoVectors.Load(VectorFile).GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.Text("name"));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Hash_matches_the_known_answer(string name)
    {
        var (input, expected) = Vector(name);

        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(input)));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Span_overload_agrees_with_the_array_overload(string name)
    {
        var (input, expected) = Vector(name);
        Span<byte> hash = stackalloc byte[Keccak256.HashSize];

        Keccak256.Hash(input, hash);

        Assert.Equal(expected, Hex.Encode(hash));
        Assert.Equal(Keccak256.Hash(input), hash.ToArray());
    }

    [Fact]
    public void Span_overload_writes_only_the_first_32_bytes_of_a_longer_destination()
    {
        var destination = Enumerable.Repeat((byte)0xee, 40).ToArray();

        Keccak256.Hash([], destination);

        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Hex.Encode(destination.AsSpan(0, 32)));
        Assert.All(destination[32..], b => Assert.Equal(0xee, b));
    }

    [Fact]
    public void Span_overload_makes_no_heap_copy_of_the_input()
    {
        // Keystore MACs hash half of the derived key; a heap copy of the input would outlive the caller's zeroing.
        var data = new byte[64 * 1024];
        var hash = new byte[32];
        Keccak256.Hash(data, hash);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Keccak256.Hash(data, hash);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024, $"hashing 64 KiB allocated {allocated} bytes");
    }

    [Fact]
    public void Hash_of_every_length_across_buffer_and_rate_boundaries_matches_a_one_shot_digest()
    {
        var data = new byte[1200];
        new Random(136).NextBytes(data);
        var hash = new byte[32];
        for (int length = 0; length <= data.Length; length++)
        {
            var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
            digest.BlockUpdate(data, 0, length);
            var expected = new byte[32];
            digest.DoFinal(expected, 0);

            Keccak256.Hash(data.AsSpan(0, length), hash);

            Assert.Equal(expected, hash);
        }
    }

    [Fact]
    public void Span_overload_rejects_a_destination_shorter_than_32_bytes()
    {
        var destination = new byte[31];

        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], destination));
    }

    [Fact]
    public void Hash_is_not_fips_202_sha3()
    {
        // SHA3-256("") from FIPS 202 differs from Keccak-256("") only by the padding byte (0x06 vs 0x01).
        Assert.NotEqual("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex.Encode(Keccak256.Hash([])));
    }

    private static (byte[] Input, string Expected) Vector(string name)
    {
        var vector = CryptoVectors.Load(VectorFile).GetProperty("vectors").EnumerateArray().Single(v => v.Text("name") == name);
        byte[] input;
        if (vector.TryGetProperty("inputHex", out var hex))
        {
            input = Hex.Decode(hex.GetString());
        }
        else
        {
            var repeat = vector.TryGetProperty("repeat", out var count) ? count.GetInt32() : 1;
            input = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(vector.Text("inputUtf8"), repeat)));
        }

        return (input, "0x" + vector.Text("hash"));
    }
}
