using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Tests.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Ethereum.Tests.Transactions;

public sealed class LegacyTransactionTests
{
    public static TheoryData<string> VectorNames() => TransactionVectors.Names(TransactionVectors.LegacyFile, "vectors");

    public static TheoryData<string, string> Eip155Senders()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in CryptoVectors.Vectors(TransactionVectors.Eip155File, "senders"))
        {
            data.Add(vector.Text("raw"), vector.Text("sender"));
        }

        return data;
    }

    [Fact]
    public void Eip155_example_matches_the_spec_byte_for_byte()
    {
        var example = CryptoVectors.Load(TransactionVectors.Eip155File).GetProperty("example");
        using var key = PrivateKey.FromHex(example.Text("privateKey"));
        var transaction = TransactionVectors.Legacy(example);

        var signed = transaction.Sign(key);

        Assert.Equal(example.Text("signingData"), Hex.Encode(transaction.EncodeForSigning()));
        Assert.Equal(example.Text("signingHash"), Hex.Encode(transaction.GetSigningHash()));
        Assert.Equal(CryptoVectors.ToBytes32(example.Integer("r")), signed.Signature.R.ToArray());
        Assert.Equal(CryptoVectors.ToBytes32(example.Integer("s")), signed.Signature.S.ToArray());
        Assert.Equal(example.Integer("v"), new BigInteger(signed.Signature.RecoveryId) + (transaction.ChainId * 2) + 35);
        Assert.Equal(example.Text("signedTransaction"), signed.ToHex());
        Assert.Equal(Keccak256.Hash(signed.Raw), signed.Hash.ToArray());
        Assert.Equal(key.Address, signed.RecoverSender());
    }

    [Fact]
    public void Eip155_example_decodes_to_its_fields_and_signer()
    {
        var example = CryptoVectors.Load(TransactionVectors.Eip155File).GetProperty("example");
        using var key = PrivateKey.FromHex(example.Text("privateKey"));

        var decoded = LegacyTransaction.Decode(example.Bytes("signedTransaction"));

        TransactionVectors.AssertSameFields(TransactionVectors.Legacy(example), decoded.Transaction);
        Assert.Equal(key.Address, decoded.RecoverSender());
        Assert.Equal(example.Text("signedTransaction"), decoded.ToHex());
    }

    [Theory]
    [MemberData(nameof(Eip155Senders))]
    public void Eip155_test_vectors_recover_their_senders(string raw, string sender)
    {
        var decoded = SignedTransaction.Decode(Hex.Decode(raw));

        Assert.Equal(TransactionType.Legacy, decoded.Type);
        Assert.Equal(1UL, decoded.Transaction.ChainId);
        Assert.Equal(Address.Parse(sender), decoded.RecoverSender());
        Assert.Equal(raw, decoded.ToHex());
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Sign_reproduces_the_known_raw_transaction_and_hashes(string name)
    {
        var vector = TransactionVectors.Find(TransactionVectors.LegacyFile, "vectors", name);
        using var key = PrivateKey.FromHex(vector.Text("privateKey"));
        var transaction = TransactionVectors.Legacy(vector);

        var signed = transaction.Sign(key);

        Assert.Equal(vector.Text("signingHash"), Hex.Encode(transaction.GetSigningHash()));
        Assert.Equal(vector.Text("raw"), signed.ToHex());
        Assert.Equal(vector.Text("hash"), Hex.Encode(signed.Hash));
        Assert.Equal(vector.Text("sender"), key.Address.ToString());
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Decode_reads_the_known_raw_transaction(string name)
    {
        var vector = TransactionVectors.Find(TransactionVectors.LegacyFile, "vectors", name);

        var decoded = LegacyTransaction.Decode(vector.Bytes("raw"));

        TransactionVectors.AssertSameFields(TransactionVectors.Legacy(vector), decoded.Transaction);
        Assert.Equal(vector.Text("hash"), Hex.Encode(decoded.Hash));
        Assert.Equal(vector.Text("sender"), decoded.RecoverSender().ToString());
        Assert.Equal(vector.Bytes("raw"), decoded.ToArray());
    }

    [Fact]
    public void Contract_creation_encodes_to_as_the_empty_string_and_decodes_to_null()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var transaction = new LegacyTransaction
        {
            ChainId = 31337,
            Nonce = 0,
            GasPrice = 1_000_000_000,
            GasLimit = 3_000_000,
            Data = Hex.Decode("0x6080604052"),
        };

        var signed = transaction.Sign(key);
        var decoded = SignedTransaction.Decode(signed.Raw);

        // rlp([nonce=0x80, gasPrice=0x843b9aca00, gasLimit=0x832dc6c0, to=0x80, ...])
        Assert.StartsWith("80843b9aca00832dc6c080", Hex.Encode(signed.Raw, prefix: false)[4..], StringComparison.Ordinal);
        Assert.Null(decoded.Transaction.To);
        Assert.Equal(key.Address, decoded.RecoverSender());
    }

    [Fact]
    public void The_largest_chain_id_survives_the_eip155_v_arithmetic()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var transaction = new LegacyTransaction { ChainId = ulong.MaxValue, Nonce = 1, GasLimit = 21000, To = Address.Zero };

        var decoded = SignedTransaction.Decode(transaction.Sign(key).Raw);

        Assert.Equal(ulong.MaxValue, decoded.Transaction.ChainId);
        Assert.Equal(key.Address, decoded.RecoverSender());
    }

    [Fact]
    public void Init_rejects_a_zero_chain_id()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 0 });
    }

    [Fact]
    public void Init_rejects_a_negative_or_oversized_gas_price_or_value()
    {
        var tooLarge = BigInteger.One << 256;

        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, GasPrice = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, GasPrice = tooLarge });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, Value = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, Value = tooLarge });
        Assert.Equal(tooLarge - 1, new LegacyTransaction { ChainId = 1, Value = tooLarge - 1 }.Value);
    }

    [Fact]
    public void Data_is_copied_when_set()
    {
        var data = new byte[] { 1, 2, 3 };
        var transaction = new LegacyTransaction { ChainId = 1, Data = data };

        data[0] = 9;

        Assert.Equal(new byte[] { 1, 2, 3 }, transaction.Data.ToArray());
    }

    [Fact]
    public void Decode_rejects_a_type_2_transaction()
    {
        var vector = CryptoVectors.Load(TransactionVectors.Eip1559File).GetProperty("signed")[0];

        Assert.Throws<InvalidTransactionException>(() => LegacyTransaction.Decode(vector.Bytes("raw")));
    }
}
