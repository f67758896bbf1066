using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;
using NoticeChain.Ethereum.Tests.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Ethereum.Tests.Transactions;

public sealed class SignedTransactionTests
{
    public static TheoryData<string> InvalidNames() => TransactionVectors.Names(TransactionVectors.InvalidFile, "vectors");

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Decode_rejects_the_invalid_vector_with_the_named_exception(string name)
    {
        var vector = TransactionVectors.Find(TransactionVectors.InvalidFile, "vectors", name);
        var raw = vector.Bytes("raw");

        var error = Record.Exception(() => SignedTransaction.Decode(raw));

        Assert.NotNull(error);
        switch (vector.Text("exception"))
        {
            case nameof(RlpException):
                Assert.IsType<RlpException>(error);
                break;
            case nameof(InvalidTransactionException):
                Assert.IsType<InvalidTransactionException>(error);
                break;
            default:
                throw new InvalidOperationException($"Unknown exception name in {name}.");
        }
    }

    [Fact]
    public void Decode_chooses_the_type_by_the_first_byte()
    {
        var legacy = CryptoVectors.Load(TransactionVectors.Eip155File).GetProperty("example").Bytes("signedTransaction");
        var dynamicFee = CryptoVectors.Load(TransactionVectors.Eip1559File).GetProperty("signed")[0].Bytes("raw");

        Assert.IsType<LegacyTransaction>(SignedTransaction.Decode(legacy).Transaction);
        Assert.IsType<Eip1559Transaction>(SignedTransaction.Decode(dynamicFee).Transaction);
    }

    [Fact]
    public void Decode_names_the_field_of_a_non_canonical_scalar()
    {
        var vector = TransactionVectors.Find(TransactionVectors.InvalidFile, "vectors", "legacy: nonce with a leading zero byte");

        var error = Assert.Throws<RlpException>(() => SignedTransaction.Decode(vector.Bytes("raw")));

        Assert.Contains("nonce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_says_why_a_high_s_signature_is_refused()
    {
        var vector = TransactionVectors.Find(
            TransactionVectors.InvalidFile, "vectors", "legacy: high-s twin of the EIP-155 example (s = n - s, v flipped)");

        var error = Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode(vector.Bytes("raw")));

        Assert.Contains("EIP-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_accepts_a_transaction_of_exactly_128_KiB_and_rejects_one_byte_more()
    {
        // A fixed key keeps the signature's length, and so the padding arithmetic, deterministic.
        using var key = PrivateKey.FromHex(string.Concat(Enumerable.Repeat("46", 32)));

        var largest = SignedEip1559OfSize(key, SignedTransaction.MaxEncodedSize);
        var oversized = SignedEip1559OfSize(key, SignedTransaction.MaxEncodedSize + 1);

        Assert.Equal(131_072, SignedTransaction.MaxEncodedSize);
        Assert.Equal(largest.Hash.ToArray(), SignedTransaction.Decode(largest.Raw).Hash.ToArray());
        Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode(oversized.Raw));
        Assert.Throws<InvalidTransactionException>(() => Eip1559Transaction.Decode(oversized.Raw));
    }

    [Fact]
    public void Decode_rejects_a_legacy_transaction_larger_than_128_KiB()
    {
        using var key = PrivateKey.Generate();
        var transaction = new LegacyTransaction { ChainId = 1, GasLimit = 30_000_000, Data = new byte[SignedTransaction.MaxEncodedSize] };

        var raw = transaction.Sign(key).ToArray();

        Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode(raw));
        Assert.Throws<InvalidTransactionException>(() => LegacyTransaction.Decode(raw));
    }

    [Theory]
    [InlineData(0xf8)]
    [InlineData(0xfa)]
    [InlineData(0x02)]
    public void Decode_refuses_oversized_input_before_parsing_it(byte first)
    {
        var raw = new byte[SignedTransaction.MaxEncodedSize + 1];
        Array.Fill(raw, (byte)0xc0);
        raw[0] = first;

        var error = Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode(raw));

        Assert.Contains("131072", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_says_which_type_is_unsupported()
    {
        var error = Assert.Throws<InvalidTransactionException>(() => SignedTransaction.Decode([0x03, 0xc0]));

        Assert.Contains("0x03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_a_high_s_signature()
    {
        using var key = PrivateKey.Generate();
        var transaction = new Eip1559Transaction { ChainId = 1, GasLimit = 21000, To = Address.Zero };
        var signature = key.Sign(transaction.GetSigningHash());

        Assert.Throws<ArgumentException>(() => new SignedTransaction(transaction, SignatureTests.HighSTwin(signature)));
        Assert.Equal(key.Address, new SignedTransaction(transaction, signature).RecoverSender());
    }

    [Fact]
    public void Hash_is_the_keccak_of_the_raw_bytes_and_ToString_shows_only_type_and_hash()
    {
        var example = CryptoVectors.Load(TransactionVectors.Eip155File).GetProperty("example");
        var raw = example.Bytes("signedTransaction");

        var decoded = SignedTransaction.Decode(raw);

        Assert.Equal(Keccak256.Hash(raw), decoded.Hash.ToArray());
        Assert.Equal(raw, decoded.Raw.ToArray());
        Assert.Equal($"Legacy transaction {Hex.Encode(decoded.Hash)}", decoded.ToString());
    }

    [Fact]
    public void ToArray_returns_a_copy()
    {
        var raw = CryptoVectors.Load(TransactionVectors.Eip155File).GetProperty("example").Bytes("signedTransaction");
        var decoded = SignedTransaction.Decode(raw);

        var copy = decoded.ToArray();
        copy[0] = 0;

        Assert.Equal(raw, decoded.ToArray());
    }

    // Pads the call data until the signed encoding is exactly `size` bytes (the RLP headers stay the same width).
    private static SignedTransaction SignedEip1559OfSize(PrivateKey key, int size)
    {
        SignedTransaction Sign(int dataLength) =>
            new Eip1559Transaction { ChainId = 1, GasLimit = 30_000_000, Data = new byte[dataLength] }.Sign(key);

        var probe = Sign(size - 200);
        var signed = Sign(size - 200 + (size - probe.Raw.Length));
        Assert.Equal(size, signed.Raw.Length);
        return signed;
    }
}
