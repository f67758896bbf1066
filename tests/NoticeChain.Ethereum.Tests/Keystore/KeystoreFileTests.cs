using System.Text.Json;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Keystore;

namespace NoticeChain.Ethereum.Tests.Keystore;

public sealed class KeystoreFileTests
{
    private const string Pbkdf2 = KeystoreTestVectors.Pbkdf2;
    private const string Scrypt = KeystoreTestVectors.Scrypt;

    /// <summary>Cases a hostile or corrupted file could use to exhaust memory or CPU: vector, changes, field named.</summary>
    public static TheoryData<string, string, string> HostileKdfParameters => new()
    {
        { Scrypt, "crypto.kdfparams.n=0", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=1", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=3", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=262143", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=-262144", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=524288", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=1073741824", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=4294967296", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=9223372036854775807", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=65536;crypto.kdfparams.r=1", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.r=0", "crypto.kdfparams.r" },
        { Scrypt, "crypto.kdfparams.r=-8", "crypto.kdfparams.r" },
        { Scrypt, "crypto.kdfparams.r=4294967296", "crypto.kdfparams.r" },
        { Scrypt, "crypto.kdfparams.r=16", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.n=16;crypto.kdfparams.r=2147483647", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.p=0", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.p=-1", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.p=5", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.p=2147483647", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.p=2147483648", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.n=2;crypto.kdfparams.r=1048576;crypto.kdfparams.p=3", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.n=2;crypto.kdfparams.r=1;crypto.kdfparams.p=2097152", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.n=2;crypto.kdfparams.r=8;crypto.kdfparams.p=262144", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.n=4;crypto.kdfparams.r=4;crypto.kdfparams.p=524288", "crypto.kdfparams.p" },
        { Scrypt, "crypto.kdfparams.dklen=16", "crypto.kdfparams.dklen" },
        { Scrypt, "crypto.kdfparams.dklen=2147483647", "crypto.kdfparams.dklen" },
        { Scrypt, "crypto.kdfparams.dklen=<remove>", "crypto.kdfparams.dklen" },
        { Scrypt, "crypto.kdfparams.n=<remove>", "crypto.kdfparams.n" },
        { Scrypt, "crypto.kdfparams.r=<remove>", "crypto.kdfparams.r" },
        { Scrypt, "crypto.kdfparams.p=<remove>", "crypto.kdfparams.p" },
        { Pbkdf2, "crypto.kdfparams.c=0", "crypto.kdfparams.c" },
        { Pbkdf2, "crypto.kdfparams.c=-1", "crypto.kdfparams.c" },
        { Pbkdf2, "crypto.kdfparams.c=10000001", "crypto.kdfparams.c" },
        { Pbkdf2, "crypto.kdfparams.c=9223372036854775807", "crypto.kdfparams.c" },
        { Pbkdf2, "crypto.kdfparams.c=<remove>", "crypto.kdfparams.c" },
        { Pbkdf2, "crypto.kdfparams.dklen=64", "crypto.kdfparams.dklen" },
        { Pbkdf2, "crypto.kdfparams.prf=\"hmac-sha512\"", "crypto.kdfparams.prf" },
        { Pbkdf2, "crypto.kdfparams.prf=<remove>", "crypto.kdfparams.prf" },
    };

    /// <summary>Broken or unsupported fields: vector, changes, field named.</summary>
    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { Scrypt, "version=2", "version" },
        { Scrypt, "version=4", "version" },
        { Scrypt, "version=<remove>", "version" },
        { Scrypt, "id=\"not-a-uuid\"", "id" },
        { Scrypt, "id=\"3198bc9c-6672-5ab3-d9954942343ae5b6\"", "id" },
        { Scrypt, "id=<remove>", "id" },
        { Scrypt, "address=\"008aeeda4d805471df9b2a5b0f38a0c3bcba786\"", "address" },
        { Scrypt, "address=\"zz8aeeda4d805471df9b2a5b0f38a0c3bcba786b\"", "address" },
        { Scrypt, "crypto=<remove>", "crypto" },
        { Scrypt, "crypto.cipher=\"aes-128-cbc\"", "crypto.cipher" },
        { Scrypt, "crypto.cipher=\"AES-128-CTR\"", "crypto.cipher" },
        { Scrypt, "crypto.cipher=<remove>", "crypto.cipher" },
        { Scrypt, "crypto.cipherparams.iv=\"740770fce12ce862af21264dab25f1\"", "crypto.cipherparams.iv" },
        { Scrypt, "crypto.cipherparams.iv=\"740770fce12ce862af21264dab25f1da00\"", "crypto.cipherparams.iv" },
        { Scrypt, "crypto.cipherparams.iv=\"740770fce12ce862af21264dab25f1dg\"", "crypto.cipherparams.iv" },
        { Scrypt, "crypto.cipherparams=<remove>", "crypto.cipherparams.iv" },
        { Scrypt, "crypto.ciphertext=\"dd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1e\"", "crypto.ciphertext" },
        { Scrypt, "crypto.ciphertext=\"dd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1ea\"", "crypto.ciphertext" },
        { Scrypt, "crypto.ciphertext=\"xd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1ea2\"", "crypto.ciphertext" },
        { Scrypt, "crypto.mac=\"337aeb86505d2d0bb620effe57f18381377d67d76dac1090626aa5cd20886a\"", "crypto.mac" },
        { Scrypt, "crypto.mac=<remove>", "crypto.mac" },
        { Scrypt, "crypto.kdf=\"argon2id\"", "crypto.kdf" },
        { Scrypt, "crypto.kdf=\"Scrypt\"", "crypto.kdf" },
        { Scrypt, "crypto.kdf=<remove>", "crypto.kdf" },
        { Scrypt, "crypto.kdfparams=<remove>", "crypto.kdfparams" },
        { Scrypt, "crypto.kdfparams.salt=\"\"", "crypto.kdfparams.salt" },
        { Scrypt, "crypto.kdfparams.salt=\"abc\"", "crypto.kdfparams.salt" },
        { Scrypt, "crypto.kdfparams.salt=\"salt\"", "crypto.kdfparams.salt" },
        { Scrypt, "crypto.kdfparams.salt=<remove>", "crypto.kdfparams.salt" },
        { Scrypt, $"crypto.kdfparams.salt=\"{new string('a', 2 * 1025)}\"", "crypto.kdfparams.salt" },
    };

    public static TheoryData<string> MalformedJson => new()
    {
        string.Empty,
        "{",
        "[]",
        "42",
        "\"keystore\"",
        "{\"version\":3,",
        "{\"version\":\"3\"}",
        "{\"version\":3.5}",
        "{\"version\":3,\"crypto\":[]}",
        "{\"version\":3,\"crypto\":{\"kdfparams\":{\"n\":\"262144\"}}}",
        "{\"version\":3,\"crypto\":{\"kdfparams\":{\"n\":262144.0}}}",
        "{\"version\":3,\"crypto\":{\"kdfparams\":{\"n\":1e6}}}",
        "{\"version\":3,\"crypto\":{\"kdfparams\":{\"n\":99999999999999999999999}}}",
        "{\"version\":3,\"id\":7}",
        "{\"version\":3} trailing",
    };

    [Theory]
    [MemberData(nameof(HostileKdfParameters))]
    public void Hostile_kdf_parameters_are_rejected_before_any_derivation(string vector, string changes, string field)
    {
        var json = KeystoreTestVectors.Mutate(vector, changes);
        Assert.Throws<KeystoreException>(() => KeystoreFile.Parse(json));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<KeystoreException>(() => KeystoreFile.Parse(json));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(field, exception.Field);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1 << 20, $"Rejecting the file allocated {allocated} bytes.");
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void Invalid_fields_are_rejected_naming_the_field(string vector, string changes, string field)
    {
        var json = KeystoreTestVectors.Mutate(vector, changes);

        var exception = Assert.Throws<KeystoreException>(() => KeystoreFile.Parse(json));

        Assert.Equal(field, exception.Field);
    }

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void Malformed_json_throws_KeystoreException(string json)
    {
        Assert.Throws<KeystoreException>(() => KeystoreFile.Parse(json));
        Assert.Throws<KeystoreException>(() => KeystoreFile.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Null_json_throws_KeystoreException()
    {
        Assert.Throws<KeystoreException>(() => KeystoreFile.Parse("null"));
    }

    [Fact]
    public void Json_longer_than_the_limit_is_rejected_before_parsing()
    {
        var json = KeystoreTestVectors.Mutate(Scrypt, $"padding=\"{new string(' ', KeystoreJson.MaxLength)}\"");

        Assert.Throws<KeystoreException>(() => KeystoreFile.Parse(json));
    }

    [Fact]
    public void Parse_reads_every_field_of_the_scrypt_spec_vector()
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(Scrypt));

        Assert.Equal(Guid.Parse("3198bc9c-6672-5ab3-d995-4942343ae5b6"), file.Id);
        Assert.Null(file.Address);
        Assert.Equal("740770fce12ce862af21264dab25f1da", Hex.Encode(file.Iv.Span, prefix: false));
        Assert.Equal("dd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1ea2", Hex.Encode(file.CipherText.Span, prefix: false));
        Assert.Equal("337aeb86505d2d0bb620effe57f18381377d67d76dac1090626aa5cd20886a7c", Hex.Encode(file.Mac.Span, prefix: false));
        var kdf = Assert.IsType<ScryptKdf>(file.Kdf);
        Assert.Equal("scrypt", kdf.Name);
        Assert.Equal((262_144, 8, 1), (kdf.N, kdf.R, kdf.P));
        Assert.Equal("25710c2ccd7c610b24d068af83b959b7a0e5f40641f0c82daeb1345766191034", Hex.Encode(kdf.Salt.Span, prefix: false));
    }

    [Fact]
    public void Parse_reads_the_pbkdf2_spec_vector()
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(Pbkdf2));

        var kdf = Assert.IsType<Pbkdf2Kdf>(file.Kdf);
        Assert.Equal("pbkdf2", kdf.Name);
        Assert.Equal(262_144, kdf.Iterations);
        Assert.Equal("ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd", Hex.Encode(kdf.Salt.Span, prefix: false));
    }

    [Theory]
    [InlineData(Scrypt)]
    [InlineData(Pbkdf2)]
    public void ToJson_then_Parse_gives_the_same_file(string vector)
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(vector));

        var again = KeystoreFile.Parse(file.ToJson());

        Assert.Equal(file.ToJson(), again.ToJson());
        Assert.Equal(file.Mac.ToArray(), again.Mac.ToArray());
        Assert.Equal(file.Kdf.Salt.ToArray(), again.Kdf.Salt.ToArray());
    }

    [Fact]
    public void ToJson_writes_the_specification_shape_in_lower_case_hex()
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.Mutate(Scrypt, "address=\"0x008AEEDA4D805471DF9B2A5B0F38A0C3BCBA786B\""));

        using var json = JsonDocument.Parse(file.ToJson());
        var root = json.RootElement;

        Assert.Equal(["address", "crypto", "id", "version"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("008aeeda4d805471df9b2a5b0f38a0c3bcba786b", root.GetProperty("address").GetString());
        Assert.Equal(3, root.GetProperty("version").GetInt32());
        Assert.Equal("3198bc9c-6672-5ab3-d995-4942343ae5b6", root.GetProperty("id").GetString());
        var crypto = root.GetProperty("crypto");
        Assert.Equal("aes-128-ctr", crypto.GetProperty("cipher").GetString());
        Assert.Equal("740770fce12ce862af21264dab25f1da", crypto.GetProperty("cipherparams").GetProperty("iv").GetString());
        Assert.Equal("scrypt", crypto.GetProperty("kdf").GetString());
        var kdfParams = crypto.GetProperty("kdfparams");
        Assert.Equal(["dklen", "n", "p", "r", "salt"], kdfParams.EnumerateObject().Select(p => p.Name));
        Assert.Equal(32, kdfParams.GetProperty("dklen").GetInt32());
        Assert.Equal(262_144, kdfParams.GetProperty("n").GetInt32());
    }

    [Fact]
    public void ToJson_omits_an_absent_address()
    {
        var file = KeystoreFile.Parse(KeystoreTestVectors.FileJson(Pbkdf2));

        using var json = JsonDocument.Parse(file.ToJson());

        Assert.False(json.RootElement.TryGetProperty("address", out _));
        Assert.Equal(["c", "dklen", "prf", "salt"], json.RootElement.GetProperty("crypto").GetProperty("kdfparams").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Parse_accepts_the_capitalised_Crypto_of_early_go_ethereum_files_and_0x_prefixed_hex()
    {
        var json = KeystoreTestVectors.FileJson(Scrypt)
            .Replace("\"crypto\"", "\"Crypto\"", StringComparison.Ordinal)
            .Replace("\"740770fce12ce862af21264dab25f1da\"", "\"0x740770FCE12CE862AF21264DAB25F1DA\"", StringComparison.Ordinal);

        var file = KeystoreFile.Parse(json);

        Assert.Equal("740770fce12ce862af21264dab25f1da", Hex.Encode(file.Iv.Span, prefix: false));
    }

    [Fact]
    public void Parse_ignores_unknown_members()
    {
        var json = KeystoreTestVectors.Mutate(Scrypt, "x-ethers={\"client\":\"ethers.js\"};crypto.extra=1");

        Assert.Equal(Guid.Parse("3198bc9c-6672-5ab3-d995-4942343ae5b6"), KeystoreFile.Parse(json).Id);
    }

    [Fact]
    public void Parse_reads_the_address_field()
    {
        var json = KeystoreTestVectors.Mutate(Scrypt, "address=\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\"");

        var file = KeystoreFile.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(Address.Parse("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b"), file.Address);
    }
}
