using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Transactions;

/// <summary>A legacy (pre-EIP-2718) transaction with EIP-155 replay protection.</summary>
/// <remarks>
/// <para>
/// EIP-155: the signing hash is Keccak-256 of <c>rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])</c>,
/// and the signed encoding is <c>rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])</c> with
/// <c>v = recoveryId + chainId * 2 + 35</c>, which binds the signature to one chain.
/// </para>
/// <para>
/// Unprotected transactions (v = 27 or 28) are neither produced nor accepted: they can be replayed on any
/// chain, and every network NoticeChain talks to supports EIP-155.
/// </para>
/// </remarks>
public sealed class LegacyTransaction : Transaction
{
    private const int SignedFieldCount = 9;

    private readonly BigInteger _gasPrice;

    /// <inheritdoc />
    public override TransactionType Type => TransactionType.Legacy;

    /// <summary>The price per unit of gas in wei.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one of 2^256 or more.</exception>
    public BigInteger GasPrice
    {
        get => _gasPrice;
        init => _gasPrice = TransactionFields.CheckUInt256(value, nameof(GasPrice));
    }

    /// <summary>EIP-155 signing data: <c>rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])</c>.</summary>
    public override byte[] EncodeForSigning() =>
        RlpItem.List([.. Fields(), RlpItem.FromUInt64(ChainId), RlpItem.Empty, RlpItem.Empty]).Encode();

    /// <summary>Decodes a signed legacy transaction strictly: canonical RLP, nine fields, EIP-155 v, low-S signature.</summary>
    /// <exception cref="RlpException">The bytes are not canonical RLP, or a scalar field is non-canonical or too long.</exception>
    /// <exception cref="InvalidTransactionException">
    /// The input is larger than <see cref="SignedTransaction.MaxEncodedSize"/>, or the fields do not form a valid EIP-155 transaction.
    /// </exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty || raw[0] < 0xc0)
        {
            throw new InvalidTransactionException("A legacy transaction starts with an RLP list header (0xc0 or above).");
        }

        SignedTransaction.CheckSize(raw);

        var fields = TransactionFields.ReadFields(raw, SignedFieldCount, "legacy");
        var v = TransactionFields.ReadUInt256(fields[6], "v");
        if (v == 27 || v == 28)
        {
            throw new InvalidTransactionException("Unprotected (pre-EIP-155) transactions with v = 27 or 28 are not accepted.");
        }

        if (v < 37)
        {
            throw new InvalidTransactionException($"v = {v} is not an EIP-155 value (recoveryId + chainId * 2 + 35, chainId ≥ 1).");
        }

        var chainId = (v - 35) / 2;
        if (chainId > ulong.MaxValue)
        {
            throw new InvalidTransactionException("The chain id encoded in v does not fit in 64 bits.");
        }

        var recoveryId = (byte)((v - 35) % 2);
        var transaction = new LegacyTransaction
        {
            ChainId = (ulong)chainId,
            Nonce = TransactionFields.ReadNonce(fields[0]),
            GasPrice = TransactionFields.ReadUInt256(fields[1], "gasPrice"),
            GasLimit = TransactionFields.ReadUInt64(fields[2], "gasLimit"),
            To = TransactionFields.ReadTo(fields[3]),
            Value = TransactionFields.ReadUInt256(fields[4], "value"),
            Data = TransactionFields.ReadBytes(fields[5], "data"),
        };
        var signature = TransactionFields.ReadSignature(fields[7], fields[8], recoveryId);
        return new SignedTransaction(transaction, signature);
    }

    /// <inheritdoc />
    internal override byte[] EncodeSigned(Signature signature)
    {
        var v = signature.RecoveryId + (new BigInteger(ChainId) * 2) + 35;
        return RlpItem.List(
        [
            .. Fields(),
            RlpItem.FromBigInteger(v),
            TransactionFields.Scalar(signature.R),
            TransactionFields.Scalar(signature.S),
        ]).Encode();
    }

    private RlpItem[] Fields() =>
    [
        RlpItem.FromUInt64(Nonce),
        RlpItem.FromBigInteger(GasPrice),
        RlpItem.FromUInt64(GasLimit),
        TransactionFields.To(To),
        RlpItem.FromBigInteger(Value),
        RlpItem.FromBytes(Data.Span),
    ];
}
