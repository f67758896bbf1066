using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;
using NoticeChain.Ethereum.Tests.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Ethereum.Tests.Transactions;

/// <summary>Properties over many random keys, chain ids and field values, seeded so a failure is reproducible.</summary>
public sealed class TransactionPropertyTests
{
    private const int KeysPerChain = 6;

    private static readonly BigInteger HalfOrder = CryptoVectors.Order / 2;

    public static TheoryData<ulong> ChainIds() => new([1UL, 1337UL, 31337UL, 4_294_967_295UL, 9_007_199_254_740_993UL, ulong.MaxValue]);

    [Theory]
    [MemberData(nameof(ChainIds))]
    public void Sign_then_decode_recovers_the_signer_and_keeps_every_field(ulong chainId)
    {
        var random = new Random(unchecked((int)chainId));
        for (int i = 0; i < KeysPerChain; i++)
        {
            using var key = RandomKey(random);
            foreach (var transaction in new Transaction[] { RandomLegacy(random, chainId), RandomEip1559(random, chainId) })
            {
                var signed = transaction.Sign(key);

                var decoded = SignedTransaction.Decode(signed.Raw);

                Assert.Equal(key.Address, decoded.RecoverSender());
                Assert.Equal(chainId, decoded.Transaction.ChainId);
                TransactionVectors.AssertSameFields(transaction, decoded.Transaction);
                Assert.Equal(signed.Raw.ToArray(), decoded.Raw.ToArray());
                Assert.Equal(signed.Hash.ToArray(), decoded.Hash.ToArray());
                Assert.True(CryptoVectors.ToInteger(signed.Signature.S) <= HalfOrder, "s must be at most n/2");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ChainIds))]
    public void Encode_decode_encode_is_the_identity(ulong chainId)
    {
        var random = new Random(unchecked((int)(chainId >> 1)) ^ 0x5eed);
        using var key = RandomKey(random);
        foreach (var transaction in new Transaction[] { RandomLegacy(random, chainId), RandomEip1559(random, chainId) })
        {
            var first = transaction.Sign(key).ToArray();

            var second = SignedTransaction.Decode(first).ToArray();
            var third = SignedTransaction.Decode(second).ToArray();

            Assert.Equal(first, second);
            Assert.Equal(second, third);
        }
    }

    [Theory]
    [MemberData(nameof(ChainIds))]
    public void Decode_rejects_the_high_s_twin_of_a_valid_transaction(ulong chainId)
    {
        var random = new Random(unchecked((int)chainId) ^ 0x2);
        using var key = RandomKey(random);

        var legacy = RandomLegacy(random, chainId).Sign(key);
        var dynamicFee = RandomEip1559(random, chainId).Sign(key);

        var legacyError = Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode(HighSTwinOfLegacy(legacy.Raw)));
        var dynamicFeeError = Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode(HighSTwinOfEip1559(dynamicFee.Raw)));

        Assert.Contains("EIP-2", legacyError.Message, StringComparison.Ordinal);
        Assert.Contains("EIP-2", dynamicFeeError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_the_same_transaction_twice_gives_the_same_bytes()
    {
        var random = new Random(6979);
        using var key = RandomKey(random);
        var transaction = RandomEip1559(random, 31337);

        Assert.Equal(transaction.Sign(key).ToArray(), transaction.Sign(key).ToArray());
    }

    [Fact]
    public void Another_chain_id_changes_the_signing_hash_and_so_the_recovered_sender()
    {
        using var key = RandomKey(new Random(155));
        var onMainnet = new LegacyTransaction { ChainId = 1, Nonce = 7, GasLimit = 21000, To = Address.Zero };
        var onAnvil = new LegacyTransaction { ChainId = 31337, Nonce = 7, GasLimit = 21000, To = Address.Zero };
        var signature = key.Sign(onMainnet.GetSigningHash());

        Assert.NotEqual(onMainnet.GetSigningHash(), onAnvil.GetSigningHash());
        Assert.Equal(key.Address, new SignedTransaction(onMainnet, signature).RecoverSender());
        Assert.NotEqual(key.Address, new SignedTransaction(onAnvil, signature).RecoverSender());
    }

    private static PrivateKey RandomKey(Random random)
    {
        var bytes = new byte[32];
        do
        {
            random.NextBytes(bytes);
        }
        while (CryptoVectors.ToInteger(bytes) >= CryptoVectors.Order || CryptoVectors.ToInteger(bytes).IsZero);

        return PrivateKey.FromBytes(bytes);
    }

    private static LegacyTransaction RandomLegacy(Random random, ulong chainId) => new()
    {
        ChainId = chainId,
        Nonce = RandomUInt64(random),
        GasPrice = RandomUInt256(random),
        GasLimit = RandomUInt64(random),
        To = RandomRecipient(random),
        Value = RandomUInt256(random),
        Data = RandomBytes(random, random.Next(0, 300)),
    };

    private static Eip1559Transaction RandomEip1559(Random random, ulong chainId)
    {
        // EIP-1559 requires maxPriorityFeePerGas <= maxFeePerGas, so the larger of two draws is the cap.
        var first = RandomUInt256(random);
        var second = RandomUInt256(random);
        return RandomEip1559(random, chainId, BigInteger.Min(first, second), BigInteger.Max(first, second));
    }

    private static Eip1559Transaction RandomEip1559(Random random, ulong chainId, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) => new()
    {
        ChainId = chainId,
        Nonce = RandomUInt64(random),
        MaxPriorityFeePerGas = maxPriorityFeePerGas,
        MaxFeePerGas = maxFeePerGas,
        GasLimit = RandomUInt64(random),
        To = RandomRecipient(random),
        Value = RandomUInt256(random),
        Data = RandomBytes(random, random.Next(0, 300)),
        AccessList = Enumerable.Range(0, random.Next(0, 3))
            .Select(_ => new AccessListEntry(
                new Address(RandomBytes(random, 20)),
                Enumerable.Range(0, random.Next(0, 3)).Select(_ => (ReadOnlyMemory<byte>)RandomBytes(random, 32))))
            .ToArray(),
    };

    // Zero, small and full-width values, so minimal scalar encoding is exercised at every length.
    private static ulong RandomUInt64(Random random) => random.Next(4) switch
    {
        0 => 0,
        1 => (ulong)random.Next(1, 128),
        _ => (ulong)random.NextInt64() >> random.Next(0, 63),
    };

    private static BigInteger RandomUInt256(Random random)
    {
        if (random.Next(4) == 0)
        {
            return BigInteger.Zero;
        }

        return new BigInteger(RandomBytes(random, random.Next(1, 33)), isUnsigned: true, isBigEndian: true);
    }

    private static Address? RandomRecipient(Random random) => random.Next(5) == 0 ? null : new Address(RandomBytes(random, 20));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] HighSTwinOfLegacy(ReadOnlySpan<byte> raw)
    {
        var fields = RlpReader.Decode(raw).Items.ToArray();
        // v = recoveryId + chainId * 2 + 35: the other recovery id is one up from an odd v, one down from an even one.
        var v = fields[6].ToBigInteger();
        fields[6] = RlpItem.FromBigInteger(v.IsEven ? v - 1 : v + 1);
        fields[8] = RlpItem.FromBigInteger(CryptoVectors.Order - fields[8].ToBigInteger());
        return RlpItem.List(fields).Encode();
    }

    private static byte[] HighSTwinOfEip1559(ReadOnlySpan<byte> raw)
    {
        var fields = RlpReader.Decode(raw[1..]).Items.ToArray();
        fields[9] = RlpItem.FromUInt64(fields[9].ToUInt64() ^ 1);
        fields[11] = RlpItem.FromBigInteger(CryptoVectors.Order - fields[11].ToBigInteger());
        return [0x02, .. RlpItem.List(fields).Encode()];
    }
}
