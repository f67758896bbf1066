using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Transactions;

/// <summary>An EIP-1559 dynamic-fee transaction (EIP-2718 type 0x02).</summary>
/// <remarks>
/// The signing hash is Keccak-256 of
/// <c>0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])</c>;
/// the signed encoding appends <c>yParity, r, s</c> to that list, where yParity is the bare recovery id
/// (0 or 1) — the chain id is already inside the signed payload, so v needs no EIP-155 arithmetic.
/// EIP-1559 makes a transaction whose <see cref="MaxPriorityFeePerGas"/> exceeds its <see cref="MaxFeePerGas"/>
/// invalid; since the two are set independently, that is checked when the transaction is encoded or signed
/// (and when decoded), not when either is set.
/// </remarks>
public sealed class Eip1559Transaction : Transaction
{
    /// <summary>The EIP-2718 type byte, 0x02.</summary>
    public const byte TypeByte = (byte)TransactionType.Eip1559;

    private const int SignedFieldCount = 12;

    private readonly BigInteger _maxPriorityFeePerGas;
    private readonly BigInteger _maxFeePerGas;
    private readonly IReadOnlyList<AccessListEntry> _accessList = [];

    /// <inheritdoc />
    public override TransactionType Type => TransactionType.Eip1559;

    /// <summary>The most wei per gas paid to the block producer on top of the base fee.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one of 2^256 or more.</exception>
    public BigInteger MaxPriorityFeePerGas
    {
        get => _maxPriorityFeePerGas;
        init => _maxPriorityFeePerGas = TransactionFields.CheckUInt256(value, nameof(MaxPriorityFeePerGas));
    }

    /// <summary>The most wei per gas paid in total (base fee plus priority fee).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one of 2^256 or more.</exception>
    public BigInteger MaxFeePerGas
    {
        get => _maxFeePerGas;
        init => _maxFeePerGas = TransactionFields.CheckUInt256(value, nameof(MaxFeePerGas));
    }

    /// <summary>The EIP-2930 access list; empty by default. The list is copied when set.</summary>
    public IReadOnlyList<AccessListEntry> AccessList
    {
        get => _accessList;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _accessList = Array.AsReadOnly(value.ToArray());
        }
    }

    /// <summary>
    /// Signing data: <c>0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="MaxPriorityFeePerGas"/> is above <see cref="MaxFeePerGas"/>.</exception>
    public override byte[] EncodeForSigning()
    {
        CheckFees();
        return Typed(RlpItem.List(Fields()));
    }

    /// <summary>Decodes a signed type-2 transaction strictly: type byte, canonical RLP, twelve fields, yParity 0 or 1, low-S signature.</summary>
    /// <exception cref="RlpException">The payload is not canonical RLP, or a scalar field is non-canonical or too long.</exception>
    /// <exception cref="InvalidTransactionException">
    /// The input is larger than <see cref="SignedTransaction.MaxEncodedSize"/>, or the type byte or the fields do not form a
    /// valid EIP-1559 transaction (including a priority fee above the fee cap and the nonce 2^64 - 1).
    /// </exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty || raw[0] != TypeByte)
        {
            throw new InvalidTransactionException("An EIP-1559 transaction starts with the type byte 0x02.");
        }

        SignedTransaction.CheckSize(raw);

        var fields = TransactionFields.ReadFields(raw[1..], SignedFieldCount, "EIP-1559");
        var chainId = TransactionFields.ReadUInt64(fields[0], "chainId");
        if (chainId == 0)
        {
            throw new InvalidTransactionException("The chain id must be positive.");
        }

        var yParity = TransactionFields.ReadUInt64(fields[9], "yParity");
        if (yParity > 1)
        {
            throw new InvalidTransactionException($"yParity must be 0 or 1, found {yParity}.");
        }

        var maxPriorityFeePerGas = TransactionFields.ReadUInt256(fields[2], "maxPriorityFeePerGas");
        var maxFeePerGas = TransactionFields.ReadUInt256(fields[3], "maxFeePerGas");
        if (maxPriorityFeePerGas > maxFeePerGas)
        {
            throw new InvalidTransactionException(
                $"maxPriorityFeePerGas {maxPriorityFeePerGas} is above maxFeePerGas {maxFeePerGas} (EIP-1559).");
        }

        var transaction = new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = TransactionFields.ReadNonce(fields[1]),
            MaxPriorityFeePerGas = maxPriorityFeePerGas,
            MaxFeePerGas = maxFeePerGas,
            GasLimit = TransactionFields.ReadUInt64(fields[4], "gasLimit"),
            To = TransactionFields.ReadTo(fields[5]),
            Value = TransactionFields.ReadUInt256(fields[6], "value"),
            Data = TransactionFields.ReadBytes(fields[7], "data"),
            AccessList = AccessListEntry.FromRlp(fields[8]),
        };
        var signature = TransactionFields.ReadSignature(fields[10], fields[11], (byte)yParity);
        return new SignedTransaction(transaction, signature);
    }

    /// <inheritdoc />
    internal override byte[] EncodeSigned(Signature signature)
    {
        CheckFees();
        return Typed(RlpItem.List(
        [
            .. Fields(),
            RlpItem.FromUInt64(signature.RecoveryId),
            TransactionFields.Scalar(signature.R),
            TransactionFields.Scalar(signature.S),
        ]));
    }

    private void CheckFees()
    {
        if (MaxPriorityFeePerGas > MaxFeePerGas)
        {
            throw new InvalidOperationException(
                $"MaxPriorityFeePerGas ({MaxPriorityFeePerGas}) must not be above MaxFeePerGas ({MaxFeePerGas}) (EIP-1559).");
        }
    }

    private static byte[] Typed(RlpItem payload)
    {
        var rlp = payload.Encode();
        var typed = new byte[1 + rlp.Length];
        typed[0] = TypeByte;
        rlp.CopyTo(typed, 1);
        return typed;
    }

    private RlpItem[] Fields() =>
    [
        RlpItem.FromUInt64(ChainId),
        RlpItem.FromUInt64(Nonce),
        RlpItem.FromBigInteger(MaxPriorityFeePerGas),
        RlpItem.FromBigInteger(MaxFeePerGas),
        RlpItem.FromUInt64(GasLimit),
        TransactionFields.To(To),
        RlpItem.FromBigInteger(Value),
        RlpItem.FromBytes(Data.Span),
        AccessListEntry.ToRlp(AccessList),
    ];
}
