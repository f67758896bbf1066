using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Tests.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Ethereum.Tests.Transactions;

public sealed class Eip1559TransactionTests
{
    public static TheoryData<string> SignedNames() => TransactionVectors.Names(TransactionVectors.Eip1559File, "signed");

    public static TheoryData<string> DecodeOnlyNames() => TransactionVectors.Names(TransactionVectors.Eip1559File, "decodeOnly");

    [Theory]
    [MemberData(nameof(SignedNames))]
    public void Sign_reproduces_the_known_raw_transaction_and_hashes(string name)
    {
        var vector = TransactionVectors.Find(TransactionVectors.Eip1559File, "signed", name);
        using var key = PrivateKey.FromHex(vector.Text("privateKey"));
        var transaction = TransactionVectors.Eip1559(vector);

        var signed = transaction.Sign(key);

        Assert.Equal(vector.Text("signingHash"), Hex.Encode(transaction.GetSigningHash()));
        Assert.Equal(vector.Text("raw"), signed.ToHex());
        Assert.Equal(vector.Text("hash"), Hex.Encode(signed.Hash));
        Assert.Equal(vector.Text("sender"), key.Address.ToString());
    }

    [Theory]
    [MemberData(nameof(SignedNames))]
    public void Decode_reads_the_known_raw_transaction_and_recovers_its_sender(string name)
    {
        var vector = TransactionVectors.Find(TransactionVectors.Eip1559File, "signed", name);

        var decoded = Eip1559Transaction.Decode(vector.Bytes("raw"));

        TransactionVectors.AssertSameFields(TransactionVectors.Eip1559(vector), decoded.Transaction);
        Assert.Equal(vector.Text("hash"), Hex.Encode(decoded.Hash));
        Assert.Equal(vector.Text("sender"), decoded.RecoverSender().ToString());
        Assert.Equal(vector.Bytes("raw"), decoded.ToArray());
    }

    [Theory]
    [MemberData(nameof(DecodeOnlyNames))]
    public void Decode_reads_fields_signature_and_signing_hash_of_published_transactions(string name)
    {
        var vector = TransactionVectors.Find(TransactionVectors.Eip1559File, "decodeOnly", name);

        var decoded = SignedTransaction.Decode(vector.Bytes("raw"));

        Assert.Equal(TransactionType.Eip1559, decoded.Type);
        TransactionVectors.AssertSameFields(TransactionVectors.Eip1559(vector), decoded.Transaction);
        Assert.Equal(vector.Text("signingHash"), Hex.Encode(decoded.Transaction.GetSigningHash()));
        Assert.Equal(vector.Bytes("r"), decoded.Signature.R.ToArray());
        Assert.Equal(vector.Bytes("s"), decoded.Signature.S.ToArray());
        Assert.Equal((int)vector.Integer("yParity"), decoded.Signature.RecoveryId);
        Assert.Equal(vector.Text("raw"), decoded.ToHex());
        Assert.Equal(Keccak256.Hash(vector.Bytes("raw")), decoded.Hash.ToArray());
    }

    [Fact]
    public void Signing_data_starts_with_the_type_byte_and_the_signed_form_keeps_it()
    {
        using var key = PrivateKey.Generate();
        var transaction = new Eip1559Transaction { ChainId = 31337, GasLimit = 21000, To = Address.Zero };

        var signingData = transaction.EncodeForSigning();
        var signed = transaction.Sign(key);

        Assert.Equal(0x02, signingData[0]);
        Assert.Equal(0x02, signed.Raw[0]);
        Assert.Equal(Keccak256.Hash(signingData), transaction.GetSigningHash());
    }

    [Fact]
    public void Access_list_is_empty_by_default_and_encodes_as_an_empty_list()
    {
        var transaction = new Eip1559Transaction { ChainId = 1 };

        Assert.Empty(transaction.AccessList);
        // 0x02 || rlp([0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0xc0]): every field empty or zero.
        Assert.Equal("0x02c90180808080808080c0", Hex.Encode(transaction.EncodeForSigning()));
    }

    [Fact]
    public void Access_list_rejects_null_and_storage_keys_that_are_not_32_bytes()
    {
        Assert.Throws<ArgumentNullException>(() => new Eip1559Transaction { ChainId = 1, AccessList = null! });
        Assert.Throws<ArgumentException>(() => new AccessListEntry(Address.Zero, [new byte[31]]));
        Assert.Throws<ArgumentException>(() => new AccessListEntry(Address.Zero, [new byte[33]]));
    }

    [Fact]
    public void Access_list_is_copied_when_set()
    {
        var entries = new List<AccessListEntry> { new(Address.Zero, []) };
        var transaction = new Eip1559Transaction { ChainId = 1, AccessList = entries };

        entries.Clear();

        Assert.Single(transaction.AccessList);
    }

    [Fact]
    public void Init_rejects_negative_or_oversized_fees()
    {
        var tooLarge = BigInteger.One << 256;

        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 1, MaxFeePerGas = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 1, MaxFeePerGas = tooLarge });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 1, MaxPriorityFeePerGas = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 1, MaxPriorityFeePerGas = tooLarge });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 0 });
    }

    [Fact]
    public void Sign_refuses_a_priority_fee_above_the_fee_cap()
    {
        using var key = PrivateKey.Generate();
        var transaction = new Eip1559Transaction { ChainId = 1, MaxPriorityFeePerGas = 3, MaxFeePerGas = 2, GasLimit = 21000 };

        var error = Assert.Throws<InvalidOperationException>(() => transaction.Sign(key));
        Assert.Throws<InvalidOperationException>(() => transaction.EncodeForSigning());

        Assert.Contains("MaxPriorityFeePerGas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_priority_fee_equal_to_the_fee_cap_and_the_largest_valid_nonce_sign_and_decode()
    {
        using var key = PrivateKey.Generate();
        var transaction = new Eip1559Transaction
        {
            ChainId = 1,
            Nonce = ulong.MaxValue - 1,
            MaxPriorityFeePerGas = 2,
            MaxFeePerGas = 2,
            GasLimit = 21000,
        };

        var decoded = Eip1559Transaction.Decode(transaction.Sign(key).Raw);

        TransactionVectors.AssertSameFields(transaction, decoded.Transaction);
        Assert.Equal(key.Address, decoded.RecoverSender());
    }

    [Fact]
    public void Init_rejects_the_nonce_2_pow_64_minus_1_that_EIP_2681_forbids()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 1, Nonce = ulong.MaxValue });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, Nonce = ulong.MaxValue });
    }

    [Fact]
    public void Decode_says_why_a_priority_fee_above_the_fee_cap_is_refused()
    {
        var vector = TransactionVectors.Find(TransactionVectors.InvalidFile, "vectors", "EIP-1559: maxPriorityFeePerGas 3 gwei above maxFeePerGas 2 gwei");

        var error = Assert.Throws<InvalidTransactionException>(() => Eip1559Transaction.Decode(vector.Bytes("raw")));

        Assert.Contains("maxPriorityFeePerGas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_rejects_a_legacy_transaction()
    {
        var example = CryptoVectors.Load(TransactionVectors.Eip155File).GetProperty("example");

        Assert.Throws<InvalidTransactionException>(() => Eip1559Transaction.Decode(example.Bytes("signedTransaction")));
    }
}
