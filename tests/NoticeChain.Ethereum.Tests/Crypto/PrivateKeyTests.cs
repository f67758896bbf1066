using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Crypto;

public sealed class PrivateKeyTests
{
    private const string VectorFile = "secp256k1.json";
    private const string KnownKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    public static TheoryData<string, string> KnownAddresses()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in CryptoVectors.Vectors(VectorFile, "addresses"))
        {
            data.Add(vector.Text("privateKey"), vector.Text("address"));
        }

        return data;
    }

    public static TheoryData<string> InvalidKeys() => Keys("invalidPrivateKeys");

    public static TheoryData<string> BoundaryKeys() => Keys("validPrivateKeys");

    [Theory]
    [MemberData(nameof(KnownAddresses))]
    public void Address_matches_the_known_address_of_the_key(string privateKey, string address)
    {
        using var key = PrivateKey.FromHex(privateKey);

        Assert.Equal(address, key.Address.ToString());
        Assert.Equal(key.Address, key.PublicKey.Address);
        Assert.Equal(key.Address, Address.FromPublicKey(key.PublicKey));
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public void FromBytes_rejects_zero_and_values_not_below_the_group_order(string privateKey)
    {
        var bytes = Hex.Decode(privateKey);

        var error = Assert.Throws<ArgumentException>(() => PrivateKey.FromBytes(bytes));
        Assert.Throws<ArgumentException>(() => PrivateKey.FromHex(privateKey));
        Assert.DoesNotContain(Hex.Encode(bytes, prefix: false), error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(BoundaryKeys))]
    public void FromBytes_accepts_one_and_the_group_order_minus_one(string privateKey)
    {
        using var key = PrivateKey.FromHex(privateKey);

        Assert.Equal(Hex.Decode(privateKey), key.ExportBytes());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void FromBytes_rejects_a_length_other_than_32(int length)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(0x01);

        Assert.Throws<ArgumentException>(() => PrivateKey.FromBytes(bytes));
    }

    [Theory]
    [InlineData("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f3623")]
    [InlineData("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231800")]
    [InlineData("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231g")]
    [InlineData("")]
    public void FromHex_rejects_text_that_is_not_64_hex_digits(string text)
    {
        Assert.Throws<FormatException>(() => PrivateKey.FromHex(text));
    }

    [Fact]
    public void FromHex_accepts_the_key_with_or_without_prefix()
    {
        using var prefixed = PrivateKey.FromHex(KnownKey);
        using var bare = PrivateKey.FromHex(KnownKey.AsSpan(2));

        Assert.Equal(prefixed.Address, bare.Address);
    }

    [Fact]
    public void ToString_does_not_contain_the_key()
    {
        using var key = PrivateKey.FromHex(KnownKey);

        var text = key.ToString();

        Assert.Equal("[redacted]", text);
        Assert.DoesNotContain(KnownKey.Substring(2), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KnownKey.Substring(2), $"{key}", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CopyTo_and_ExportBytes_return_the_key_bytes()
    {
        using var key = PrivateKey.FromHex(KnownKey);
        var destination = new byte[PrivateKey.Size];

        key.CopyTo(destination);

        Assert.Equal(Hex.Decode(KnownKey), destination);
        Assert.Equal(Hex.Decode(KnownKey), key.ExportBytes());
    }

    [Fact]
    public void CopyTo_rejects_a_short_destination()
    {
        using var key = PrivateKey.FromHex(KnownKey);

        Assert.Throws<ArgumentException>(() => key.CopyTo(new byte[31]));
    }

    [Fact]
    public void FromBytes_copies_the_input_so_clearing_the_caller_buffer_keeps_the_key()
    {
        var bytes = Hex.Decode(KnownKey);
        using var key = PrivateKey.FromBytes(bytes);

        Array.Clear(bytes);

        Assert.Equal(Hex.Decode(KnownKey), key.ExportBytes());
    }

    [Fact]
    public void Dispose_zeroes_the_key_and_blocks_signing_and_export()
    {
        var key = PrivateKey.FromHex(KnownKey);
        var address = key.Address;
        var secret = (byte[])typeof(PrivateKey)
            .GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!
            .GetValue(key)!;

        key.Dispose();

        Assert.All(secret, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[32]));
        Assert.Throws<ObjectDisposedException>(() => key.ExportBytes());
        Assert.Throws<ObjectDisposedException>(() => key.CopyTo(new byte[32]));
        Assert.Equal(address, key.Address);
        key.Dispose();
    }

    [Fact]
    public void The_key_bytes_are_hidden_from_the_debugger()
    {
        var field = typeof(PrivateKey).GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!;

        var attribute = field.GetCustomAttribute<DebuggerBrowsableAttribute>();

        Assert.Equal(DebuggerBrowsableState.Never, attribute?.State);
    }

    [Fact]
    public void A_key_that_is_never_disposed_is_zeroed_when_it_is_finalized()
    {
        var secret = SecretOfAnAbandonedKey();

        for (int attempt = 0; attempt < 5 && secret.Any(b => b != 0); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.All(secret, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Generate_returns_distinct_valid_keys()
    {
        using var first = PrivateKey.Generate();
        using var second = PrivateKey.Generate();

        Assert.NotEqual(first.Address, second.Address);
        using var reloaded = PrivateKey.FromBytes(first.ExportBytes());
        Assert.Equal(first.Address, reloaded.Address);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Sign_rejects_a_hash_that_is_not_32_bytes(int length)
    {
        using var key = PrivateKey.FromHex(KnownKey);

        Assert.Throws<ArgumentException>(() => key.Sign(new byte[length]));
    }

    // Not inlined, so no local of the test method keeps the key reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] SecretOfAnAbandonedKey()
    {
        var key = PrivateKey.FromHex(KnownKey);
        return (byte[])typeof(PrivateKey).GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(key)!;
    }

    private static TheoryData<string> Keys(string section)
    {
        var data = new TheoryData<string>();
        foreach (var vector in CryptoVectors.Vectors(VectorFile, section))
        {
            data.Add(vector.Text("privateKey"));
        }

        return data;
    }
}
