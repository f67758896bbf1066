using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Keystore;

namespace NoticeChain.Ethereum.Tests.Keystore;

/// <summary>
/// Encryption and decryption against the Web3 Secret Storage Definition's test vectors
/// (https://ethereum.org/en/developers/docs/data-structures-and-encoding/web3-secret-storage/#test-vectors,
/// stored in <c>Vectors/keystore/web3-secret-storage-v3.json</c>) and round trips with light scrypt.
/// </summary>
public sealed class Web3KeystoreTests
{
    public static TheoryData<string> SpecVectors => KeystoreTestVectors.Names();

    [Theory]
    [MemberData(nameof(SpecVectors))]
    public void Decrypt_recovers_the_spec_secret_and_address(string vector)
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.DecryptableFileJson(vector));

        using var key = Web3Keystore.Decrypt(file, KeystoreTestVectors.Password);

        Assert.Equal(KeystoreTestVectors.Secret, key.ExportBytes());
        Assert.Equal(Address.Parse(KeystoreTestVectors.Address), key.Address);
    }

    [Fact]
    public void Encrypting_the_spec_secret_with_the_spec_salt_and_iv_reproduces_the_spec_file()
    {
        var expected = KeystoreFile.Parse(KeystoreTestVectors.FileJson(KeystoreTestVectors.Pbkdf2));
        using var key = PrivateKey.FromBytes(KeystoreTestVectors.Secret);

        var file = Web3Keystore.Encrypt(key, "testpassword"u8, expected.Kdf, expected.Iv.Span, expected.Id);

        Assert.Equal(expected.CipherText.ToArray(), file.CipherText.ToArray());
        Assert.Equal(expected.Mac.ToArray(), file.Mac.ToArray());
    }

    [Fact]
    public void A_written_file_read_back_decrypts_to_the_same_key()
    {
        using var original = PrivateKey.Generate();

        var json = Web3Keystore.Encrypt(original, "correct horse battery staple", ScryptCost.Light).ToJson();
        using var decrypted = Web3Keystore.Decrypt(KeystoreFile.Parse(json), "correct horse battery staple");

        Assert.Equal(original.ExportBytes(), decrypted.ExportBytes());
        Assert.Equal(original.Address, decrypted.Address);
    }

    [Fact]
    public void A_written_file_names_the_key_address_and_uses_fresh_random_salt_iv_and_v4_id()
    {
        using var key = PrivateKey.Generate();

        var first = Web3Keystore.Encrypt(key, "pw"u8, ScryptCost.Light);
        var second = Web3Keystore.Encrypt(key, "pw"u8, ScryptCost.Light);

        Assert.Equal(key.Address, first.Address);
        var scrypt = Assert.IsType<ScryptKdf>(first.Kdf);
        Assert.Equal((ScryptCost.Light.N, ScryptCost.Light.R, ScryptCost.Light.P), (scrypt.N, scrypt.R, scrypt.P));
        Assert.Equal(32, scrypt.Salt.Length);
        Assert.Equal(16, first.Iv.Length);
        Assert.NotEqual(first.Kdf.Salt.ToArray(), second.Kdf.Salt.ToArray());
        Assert.NotEqual(first.Iv.ToArray(), second.Iv.ToArray());
        Assert.NotEqual(first.CipherText.ToArray(), second.CipherText.ToArray());
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(4, first.Id.Version);
    }

    [Fact]
    public void A_string_passphrase_is_its_UTF8_bytes()
    {
        const string passphrase = "Grüße, 鍵 🔑";
        using var key = PrivateKey.Generate();
        var file = Web3Keystore.Encrypt(key, passphrase, ScryptCost.Light);

        using var decrypted = Web3Keystore.Decrypt(file, System.Text.Encoding.UTF8.GetBytes(passphrase));

        Assert.Equal(key.Address, decrypted.Address);
    }

    [Fact]
    public void An_empty_passphrase_round_trips()
    {
        using var key = PrivateKey.Generate();
        var file = Web3Keystore.Encrypt(key, string.Empty, ScryptCost.Light);

        using var decrypted = Web3Keystore.Decrypt(file, ReadOnlySpan<byte>.Empty);

        Assert.Equal(key.Address, decrypted.Address);
    }

    [Fact]
    public void A_wrong_passphrase_is_rejected_without_revealing_it()
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(KeystoreTestVectors.Pbkdf2));
        const string wrong = "testpassword!";

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(file, wrong));

        Assert.Contains("wrong passphrase or corrupted", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("crypto.mac", exception.Field);
        Assert.DoesNotContain("testpassword", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_passphrase_is_rejected_for_a_scrypt_file()
    {
        using var key = PrivateKey.Generate();
        var file = Web3Keystore.Encrypt(key, "right", ScryptCost.Light);

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(file, "wrong"));

        Assert.Equal("crypto.mac", exception.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(31)]
    public void A_tampered_ciphertext_is_rejected_by_the_MAC(int index)
    {
        using var key = PrivateKey.Generate();
        var file = Web3Keystore.Encrypt(key, "pw"u8, ScryptCost.Light);
        var tampered = KeystoreFile.Parse(file.ToJson().Replace(
            Hex.Encode(file.CipherText.Span, prefix: false),
            Hex.Encode(FlipBit(file.CipherText.Span, index), prefix: false),
            StringComparison.Ordinal));

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(tampered, "pw"u8));

        Assert.Equal("crypto.mac", exception.Field);
    }

    [Fact]
    public void A_tampered_MAC_is_rejected()
    {
        using var key = PrivateKey.Generate();
        var file = Web3Keystore.Encrypt(key, "pw"u8, ScryptCost.Light);
        var tampered = KeystoreFile.Parse(file.ToJson().Replace(
            Hex.Encode(file.Mac.Span, prefix: false),
            Hex.Encode(FlipBit(file.Mac.Span, 31), prefix: false),
            StringComparison.Ordinal));

        Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(tampered, "pw"u8));
    }

    [Fact]
    public void A_tampered_iv_is_caught_by_the_address_check()
    {
        using var key = PrivateKey.Generate();
        var file = Web3Keystore.Encrypt(key, "pw"u8, ScryptCost.Light);
        var tampered = KeystoreFile.Parse(file.ToJson().Replace(
            Hex.Encode(file.Iv.Span, prefix: false),
            Hex.Encode(FlipBit(file.Iv.Span, 15), prefix: false),
            StringComparison.Ordinal));

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(tampered, "pw"u8));

        Assert.Equal("address", exception.Field);
    }

    [Fact]
    public void A_file_whose_address_belongs_to_another_key_is_rejected()
    {
        using var key = PrivateKey.Generate();
        using var other = PrivateKey.Generate();
        var json = Web3Keystore.Encrypt(key, "pw"u8, ScryptCost.Light).ToJson().Replace(
            Hex.Encode(key.Address.ToArray(), prefix: false),
            Hex.Encode(other.Address.ToArray(), prefix: false),
            StringComparison.Ordinal);

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(KeystoreFile.Parse(json), "pw"u8));

        Assert.Equal("address", exception.Field);
    }

    [Fact]
    public void An_encrypted_secret_that_is_not_a_valid_key_is_rejected()
    {
        var template = KeystoreFile.Parse(KeystoreTestVectors.FileJson(KeystoreTestVectors.Pbkdf2));
        var cheapKdf = KeystoreFile.Parse(KeystoreTestVectors.Mutate(KeystoreTestVectors.Pbkdf2, "crypto.kdfparams.c=1")).Kdf;
        Span<byte> derivedKey = stackalloc byte[32];
        cheapKdf.DeriveKey("pw"u8, derivedKey);
        var cipherText = new byte[32];
        AesCtr.Transform(derivedKey[..16], template.Iv.Span, new byte[32], cipherText);
        var mac = new byte[32];
        Web3Keystore.ComputeMac(derivedKey, cipherText, mac);
        var zeroKeyFile = KeystoreFile.Parse(KeystoreTestVectors.Mutate(
            KeystoreTestVectors.Pbkdf2,
            $"crypto.kdfparams.c=1;crypto.ciphertext=\"{Hex.Encode(cipherText, prefix: false)}\";crypto.mac=\"{Hex.Encode(mac, prefix: false)}\""));

        var exception = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(zeroKeyFile, "pw"u8));

        Assert.Equal("crypto.ciphertext", exception.Field);
    }

    [Theory]
    [InlineData(3, 8, 1)]
    [InlineData(1_048_576, 8, 1)]
    [InlineData(4_096, 0, 1)]
    [InlineData(4_096, 8, 0)]
    [InlineData(2, 1, 2_097_152)]
    [InlineData(2, 8, 262_144)]
    [InlineData(4, 4, 524_288)]
    public void Encrypt_rejects_a_cost_outside_the_readable_bounds(int n, int r, int p)
    {
        using var key = PrivateKey.Generate();

        Assert.Throws<ArgumentOutOfRangeException>(() => Web3Keystore.Encrypt(key, "pw"u8, new ScryptCost(n, r, p)));
    }

    [Fact]
    public void Encrypt_rejects_a_passphrase_with_an_unpaired_surrogate()
    {
        using var key = PrivateKey.Generate();

        Assert.Throws<ArgumentException>(() => Web3Keystore.Encrypt(key, "pw\ud800", ScryptCost.Light));
    }

    [Fact]
    public void The_standard_cost_is_the_one_the_specification_uses()
    {
        Assert.Equal(new ScryptCost(262_144, 8, 1), ScryptCost.Standard);
        Assert.Null(ScryptKdf.Check(ScryptCost.Standard.N, ScryptCost.Standard.R, ScryptCost.Standard.P));
    }

    private static byte[] FlipBit(ReadOnlySpan<byte> bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }
}
