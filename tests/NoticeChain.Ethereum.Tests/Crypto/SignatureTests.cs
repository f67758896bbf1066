using System.Numerics;
using System.Security.Cryptography;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Crypto;

public sealed class SignatureTests
{
    private const string VectorFile = "secp256k1.json";

    private static readonly BigInteger HalfOrder = CryptoVectors.Order / 2;

    public static TheoryData<string> SignatureVectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var vector in CryptoVectors.Vectors(VectorFile, "signatures"))
        {
            data.Add(vector.Text("name"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignatureVectorNames))]
    public void Sign_reproduces_the_known_rfc6979_signature(string name)
    {
        var vector = SignatureVector(name);
        using var key = PrivateKey.FromHex(vector.Text("privateKey"));

        var signature = key.Sign(vector.Bytes("messageHash"));

        Assert.Equal(CryptoVectors.ToBytes32(vector.Integer("r")), signature.R.ToArray());
        Assert.Equal(CryptoVectors.ToBytes32(vector.Integer("s")), signature.S.ToArray());
        Assert.Equal(vector.Integer("v") - 27, signature.RecoveryId);
        var expected = vector.Bytes("signature");
        expected[64] -= 27;
        Assert.Equal(expected, signature.ToBytes());
    }

    [Theory]
    [MemberData(nameof(SignatureVectorNames))]
    public void RecoverAddress_returns_the_signer_of_the_known_signature(string name)
    {
        var vector = SignatureVector(name);
        using var key = PrivateKey.FromHex(vector.Text("privateKey"));
        var bytes = vector.Bytes("signature");
        bytes[64] -= 27;

        var signature = Signature.FromBytes(bytes);

        Assert.Equal(key.Address, signature.RecoverAddress(vector.Bytes("messageHash")));
        Assert.Equal(key.PublicKey, signature.Recover(vector.Bytes("messageHash")));
    }

    [Fact]
    public void Recover_returns_the_known_public_key()
    {
        var vector = CryptoVectors.Load(VectorFile).GetProperty("recovery").GetProperty("valid")[0];

        var publicKey = Signature.FromBytes(vector.Bytes("signature")).Recover(vector.Bytes("hash"));

        Assert.Equal(vector.Text("publicKey"), publicKey.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Recover_rejects_the_known_high_s_signature(byte recoveryId)
    {
        var vector = CryptoVectors.Load(VectorFile).GetProperty("recovery").GetProperty("highS")[0];
        var bytes = vector.Bytes("signature64");
        var signature = new Signature(bytes.AsSpan(0, 32), bytes.AsSpan(32), recoveryId);

        Assert.False(signature.IsCanonical);
        var error = Assert.Throws<SignatureException>(() => signature.Recover(vector.Bytes("hash")));
        Assert.Contains("n/2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_is_deterministic()
    {
        using var key = PrivateKey.FromHex("0x289c2857d4598e37fb9647507e47a309d6133539bf21a8b9cb6df88fd5232032");
        var hash = Keccak256.Hash("foo"u8);

        var first = key.Sign(hash);
        var second = key.Sign(hash);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, key.Sign(Keccak256.Hash("bar"u8)));
    }

    [Fact]
    public void Sign_then_recover_returns_the_signer_with_low_s_for_many_keys()
    {
        for (int i = 0; i < 64; i++)
        {
            using var key = PrivateKey.Generate();
            var hash = RandomNumberGenerator.GetBytes(32);

            var signature = key.Sign(hash);

            Assert.True(CryptoVectors.ToInteger(signature.S) <= HalfOrder, "s must be at most n/2");
            Assert.True(signature.IsCanonical);
            Assert.Equal(key.Address, signature.RecoverAddress(hash));
        }
    }

    [Fact]
    public void Recover_rejects_the_high_s_twin_of_a_valid_signature()
    {
        using var key = PrivateKey.Generate();
        var hash = RandomNumberGenerator.GetBytes(32);
        var signature = key.Sign(hash);

        var twin = HighSTwin(signature);

        // The twin is a mathematically valid ECDSA signature by the same key; only the EIP-2 rule rejects it.
        Assert.False(twin.IsCanonical);
        Assert.Throws<SignatureException>(() => twin.Recover(hash));
        Assert.Throws<SignatureException>(() => twin.RecoverAddress(hash));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(27)]
    [InlineData(28)]
    public void Recover_rejects_a_recovery_id_other_than_0_or_1(byte recoveryId)
    {
        using var key = PrivateKey.Generate();
        var hash = RandomNumberGenerator.GetBytes(32);
        var signature = key.Sign(hash);

        var invalid = new Signature(signature.R, signature.S, recoveryId);

        Assert.False(invalid.IsCanonical);
        Assert.Throws<SignatureException>(() => invalid.Recover(hash));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0000000000000000000000000000000000000000000000000000000000000001")]
    public void Recover_rejects_r_or_s_out_of_range(string r, string s)
    {
        var signature = new Signature(Hex.Decode(r), Hex.Decode(s), 0);

        Assert.False(signature.IsCanonical);
        Assert.Throws<SignatureException>(() => signature.Recover(new byte[32]));
    }

    [Fact]
    public void Recover_rejects_an_r_that_is_not_the_x_of_a_curve_point()
    {
        // x = 5 has no y on secp256k1 (5^3 + 7 = 132 is not a square modulo p).
        var r = new byte[32];
        r[31] = 5;
        var s = new byte[32];
        s[31] = 1;
        var signature = new Signature(r, s, 0);

        Assert.True(signature.IsCanonical);
        Assert.Throws<SignatureException>(() => signature.Recover(new byte[32]));
    }

    [Fact]
    public void A_signature_over_another_hash_recovers_someone_else()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign(Keccak256.Hash("anchor"u8));

        Assert.NotEqual(key.Address, signature.RecoverAddress(Keccak256.Hash("revoke"u8)));
    }

    [Fact]
    public void FromBytes_and_ToBytes_round_trip_r_s_and_v()
    {
        var bytes = RandomNumberGenerator.GetBytes(65);
        bytes[64] = 1;

        var signature = Signature.FromBytes(bytes);

        Assert.Equal(bytes[..32], signature.R.ToArray());
        Assert.Equal(bytes[32..64], signature.S.ToArray());
        Assert.Equal(1, signature.RecoveryId);
        Assert.Equal(bytes, signature.ToBytes());
        Assert.Equal(Hex.Encode(bytes), signature.ToString());
    }

    [Theory]
    [InlineData(64)]
    [InlineData(66)]
    public void FromBytes_rejects_a_length_other_than_65(int length)
    {
        Assert.Throws<ArgumentException>(() => Signature.FromBytes(new byte[length]));
    }

    [Fact]
    public void Constructor_rejects_r_or_s_that_is_not_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => new Signature(new byte[31], new byte[32], 0));
        Assert.Throws<ArgumentException>(() => new Signature(new byte[32], new byte[33], 0));
    }

    [Fact]
    public void Recover_rejects_a_hash_that_is_not_32_bytes()
    {
        using var key = PrivateKey.Generate();
        var signature = key.Sign(new byte[32]);

        Assert.Throws<ArgumentException>(() => signature.Recover(new byte[31]));
    }

    [Fact]
    public void SignatureException_is_a_cryptographic_exception()
    {
        Assert.IsAssignableFrom<CryptographicException>(new SignatureException("x"));
    }

    /// <summary>(r, n - s) with the other recovery id: the malleable twin that EIP-2 forbids.</summary>
    internal static Signature HighSTwin(Signature signature)
    {
        var highS = CryptoVectors.Order - CryptoVectors.ToInteger(signature.S);
        return new Signature(signature.R, CryptoVectors.ToBytes32(highS), (byte)(signature.RecoveryId ^ 1));
    }

    private static System.Text.Json.JsonElement SignatureVector(string name) =>
        CryptoVectors.Vectors(VectorFile, "signatures").Single(v => v.Text("name") == name);
}
