using System.Numerics;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Transactions;

/// <summary>An unsigned Ethereum transaction: the fields every type shares, signing and the signing hash.</summary>
/// <remarks>
/// Instances are immutable once initialised; values are range-checked as they are set, so an invalid
/// transaction cannot be built, let alone signed. Nonce and gas limit are 64-bit (EIP-2681 caps the nonce
/// there, and no block holds more gas); amounts and fees are <see cref="BigInteger"/> because they are
/// 256-bit on chain. The chain id is always required: this library only signs replay-protected transactions.
/// </remarks>
public abstract class Transaction
{
    private readonly ulong _chainId;
    private readonly ulong _nonce;
    private readonly BigInteger _value;
    private readonly ReadOnlyMemory<byte> _data = ReadOnlyMemory<byte>.Empty;

    private protected Transaction()
    {
    }

    /// <summary>The EIP-2718 type.</summary>
    public abstract TransactionType Type { get; }

    /// <summary>The EIP-155 chain id, which must be positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero.</exception>
    public required ulong ChainId
    {
        get => _chainId;
        init => _chainId = TransactionFields.CheckChainId(value, nameof(ChainId));
    }

    /// <summary>The sender's transaction count before this transaction.</summary>
    /// <remarks>EIP-2681 caps the nonce below 2^64 - 1, so that incrementing it can never overflow.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Set to 2^64 - 1.</exception>
    public ulong Nonce
    {
        get => _nonce;
        init => _nonce = TransactionFields.CheckNonce(value, nameof(Nonce));
    }

    /// <summary>The most gas the transaction may use.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient, or null to create a contract.</summary>
    public Address? To { get; init; }

    /// <summary>The amount of wei transferred.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one of 2^256 or more.</exception>
    public BigInteger Value
    {
        get => _value;
        init => _value = TransactionFields.CheckUInt256(value, nameof(Value));
    }

    /// <summary>The call data or contract creation code. The bytes are copied when set.</summary>
    public ReadOnlyMemory<byte> Data
    {
        get => _data;
        init => _data = value.ToArray();
    }

    /// <summary>The exact bytes whose Keccak-256 hash is signed.</summary>
    /// <exception cref="InvalidOperationException">The fields are inconsistent (an EIP-1559 priority fee above its fee cap).</exception>
    public abstract byte[] EncodeForSigning();

    /// <summary>Writes the signing hash, Keccak-256 of <see cref="EncodeForSigning"/>, into <paramref name="hash32"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteSigningHash(Span<byte> hash32) => Keccak256.Hash(EncodeForSigning(), hash32);

    /// <summary>Returns the signing hash, Keccak-256 of <see cref="EncodeForSigning"/>.</summary>
    public byte[] GetSigningHash() => Keccak256.Hash(EncodeForSigning());

    /// <summary>Signs the transaction (RFC 6979, low S) and returns it with its raw encoding and hash.</summary>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    /// <exception cref="InvalidOperationException">The fields are inconsistent (an EIP-1559 priority fee above its fee cap).</exception>
    public SignedTransaction Sign(PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        WriteSigningHash(hash);
        return new SignedTransaction(this, privateKey.Sign(hash));
    }

    /// <summary>The wire encoding of this transaction with the given (already validated) signature.</summary>
    internal abstract byte[] EncodeSigned(Signature signature);
}
