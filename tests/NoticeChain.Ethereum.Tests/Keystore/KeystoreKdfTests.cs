using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Keystore;

namespace NoticeChain.Ethereum.Tests.Keystore;

/// <summary>The KDFs against the intermediates the specification lists for its two vectors, and the scrypt bounds.</summary>
public sealed class KeystoreKdfTests
{
    public static TheoryData<string> SpecVectors => KeystoreTestVectors.Names();

    [Fact]
    public void Pbkdf2_derives_the_spec_intermediate_key()
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(KeystoreTestVectors.Pbkdf2));
        var derivedKey = new byte[KeystoreKdf.DerivedKeyLength];

        file.Kdf.DeriveKey("testpassword"u8, derivedKey);

        Assert.Equal(KeystoreTestVectors.Intermediate(KeystoreTestVectors.Pbkdf2, "derivedKey"), derivedKey);
    }

    [Theory]
    [MemberData(nameof(SpecVectors))]
    public void The_spec_derived_key_gives_the_spec_MAC_cipher_key_and_secret(string vector)
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(vector));
        var derivedKey = KeystoreTestVectors.Intermediate(vector, "derivedKey");
        var mac = new byte[32];
        var secret = new byte[32];

        Web3Keystore.ComputeMac(derivedKey, file.CipherText.Span, mac);
        AesCtr.Transform(derivedKey.AsSpan(0, 16), file.Iv.Span, file.CipherText.Span, secret);

        Assert.Equal(KeystoreTestVectors.Intermediate(vector, "macBody"), derivedKey[16..].Concat(file.CipherText.ToArray()).ToArray());
        Assert.Equal(KeystoreTestVectors.Intermediate(vector, "mac"), mac);
        Assert.Equal(file.Mac.ToArray(), mac);
        Assert.Equal(KeystoreTestVectors.Intermediate(vector, "cipherKey"), derivedKey[..16]);
        Assert.Equal(KeystoreTestVectors.Secret, secret);
    }

    public static TheoryData<int> Rfc7914Vectors => new(0, 1, 2);

    [Theory]
    [MemberData(nameof(Rfc7914Vectors))]
    public void Scrypt_derives_the_RFC_7914_test_vectors(int index)
    {
        var vector = KeystoreTestVectors.LoadElement("scrypt-rfc7914.json").GetProperty("vectors")[index];
        var kdf = new ScryptKdf(
            vector.GetProperty("n").GetInt32(),
            vector.GetProperty("r").GetInt32(),
            vector.GetProperty("p").GetInt32(),
            System.Text.Encoding.ASCII.GetBytes(vector.GetProperty("salt").GetString()!));
        var derivedKey = new byte[KeystoreKdf.DerivedKeyLength];

        kdf.DeriveKey(System.Text.Encoding.ASCII.GetBytes(vector.GetProperty("password").GetString()!), derivedKey);

        Assert.Equal(Hex.Decode(vector.GetProperty("derivedKey").GetString())[..KeystoreKdf.DerivedKeyLength], derivedKey);
    }

    [Theory]
    [InlineData(262_144, 8, 1)]
    [InlineData(4_096, 8, 1)]
    [InlineData(32_768, 1, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(262_144, 8, 4)]
    [InlineData(16_384, 8, 16)]
    public void Parameters_within_the_bounds_are_accepted(long n, long r, long p)
    {
        Assert.Null(ScryptKdf.Check(n, r, p));
    }

    [Theory]
    [InlineData(262_144, 8, 5, "p")]
    [InlineData(524_288, 8, 1, "n")]
    [InlineData(65_536, 1, 1, "n")]
    [InlineData(1L << 31, 1, 1, "n")]
    [InlineData(2, 1, 2_097_152, "p")]
    [InlineData(2, 8, 262_144, "p")]
    [InlineData(4, 4, 524_288, "p")]
    public void Parameters_beyond_the_bounds_name_the_parameter(long n, long r, long p, string parameter)
    {
        var error = ScryptKdf.Check(n, r, p);

        Assert.NotNull(error);
        Assert.Equal(parameter, error.Value.Parameter);
    }

    [Fact]
    public void Scrypt_parameters_refused_by_the_derivation_raise_KeystoreException_naming_kdfparams()
    {
        var kdf = new ScryptKdf(3, 1, 1, [1, 2, 3]);
        var derivedKey = new byte[KeystoreKdf.DerivedKeyLength];

        var error = Assert.Throws<KeystoreException>(() => kdf.DeriveKey("pw"u8, derivedKey));

        Assert.Equal("crypto.kdfparams", error.Field);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void Light_scrypt_derives_deterministically_and_depends_on_salt_and_passphrase()
    {
        var kdf = new ScryptKdf(1_024, 8, 1, [1, 2, 3]);
        var otherSalt = new ScryptKdf(1_024, 8, 1, [1, 2, 4]);
        var first = new byte[32];
        var second = new byte[32];
        var withOtherSalt = new byte[32];
        var withOtherPassphrase = new byte[32];

        kdf.DeriveKey("pw"u8, first);
        kdf.DeriveKey("pw"u8, second);
        otherSalt.DeriveKey("pw"u8, withOtherSalt);
        kdf.DeriveKey("pW"u8, withOtherPassphrase);

        Assert.Equal(first, second);
        Assert.NotEqual(first, withOtherSalt);
        Assert.NotEqual(first, withOtherPassphrase);
    }
}
