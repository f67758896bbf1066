using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Keystore;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace NoticeChain.Ethereum.Tests.Keystore;

/// <summary>
/// AES-128-CTR against NIST SP 800-38A F.5.1/F.5.2 (<c>Vectors/keystore/aes-128-ctr-sp800-38a.json</c>)
/// and, for counter carries across the whole block, against BouncyCastle's independent SIC mode.
/// </summary>
public sealed class AesCtrTests
{
    [Fact]
    public void Encrypting_the_NIST_plaintext_gives_the_NIST_ciphertext()
    {
        var vector = KeystoreTestVectors.LoadElement("aes-128-ctr-sp800-38a.json");
        var key = Hex.Decode(vector.GetProperty("key").GetString());
        var counter = Hex.Decode(vector.GetProperty("initialCounter").GetString());
        var plaintext = Hex.Decode(vector.GetProperty("plaintext").GetString());
        var output = new byte[plaintext.Length];

        AesCtr.Transform(key, counter, plaintext, output);

        Assert.Equal(Hex.Decode(vector.GetProperty("ciphertext").GetString()), output);
    }

    [Fact]
    public void Decrypting_the_NIST_ciphertext_gives_the_NIST_plaintext()
    {
        var vector = KeystoreTestVectors.LoadElement("aes-128-ctr-sp800-38a.json");
        var key = Hex.Decode(vector.GetProperty("key").GetString());
        var counter = Hex.Decode(vector.GetProperty("initialCounter").GetString());
        var ciphertext = Hex.Decode(vector.GetProperty("ciphertext").GetString());
        var output = new byte[ciphertext.Length];

        AesCtr.Transform(key, counter, ciphertext, output);

        Assert.Equal(Hex.Decode(vector.GetProperty("plaintext").GetString()), output);
    }

    [Theory]
    [InlineData("00000000000000000000000000000000", 32)]
    [InlineData("0000000000000000ffffffffffffffff", 48)]
    [InlineData("ffffffffffffffffffffffffffffffff", 33)]
    [InlineData("0123456789abcdef0123456789abcdff", 7)]
    [InlineData("0123456789abcdef0123456789abcdff", 0)]
    public void The_keystream_equals_BouncyCastle_SIC_mode_including_counter_carries(string counterHex, int length)
    {
        var random = new Random(length);
        var key = new byte[16];
        var input = new byte[length];
        random.NextBytes(key);
        random.NextBytes(input);
        var counter = Hex.Decode(counterHex);
        var output = new byte[length];

        AesCtr.Transform(key, counter, input, output);

        Assert.Equal(BouncyCastleCtr(key, counter, input), output);
    }

    private static byte[] BouncyCastleCtr(byte[] key, byte[] counter, byte[] input)
    {
        var cipher = new SicBlockCipher(new AesEngine());
        cipher.Init(forEncryption: true, new ParametersWithIV(new KeyParameter(key), counter));
        var output = new byte[input.Length];
        var block = new byte[16];
        for (int offset = 0; offset < input.Length; offset += 16)
        {
            int count = Math.Min(16, input.Length - offset);
            var chunk = new byte[16];
            Array.Copy(input, offset, chunk, 0, count);
            cipher.ProcessBlock(chunk, 0, block, 0);
            Array.Copy(block, 0, output, offset, count);
        }

        return output;
    }
}
