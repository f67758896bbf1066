using System.Runtime.CompilerServices;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Transactions;

/// <summary>A transaction with its signature, its raw wire encoding and its hash.</summary>
/// <remarks>
/// The raw bytes are what <c>eth_sendRawTransaction</c> takes, and the transaction hash is Keccak-256 of
/// exactly those bytes (including the type byte for typed transactions), so both are computed once here.
/// The sender is not stored in the transaction; it is recovered from the signature on demand.
/// </remarks>
public sealed class SignedTransaction
{
    /// <summary>The largest raw transaction <see cref="Decode"/> accepts: 128 KiB, go-ethereum's transaction pool limit.</summary>
    /// <remarks>
    /// Checked before any parsing: the RLP reader builds an object per item, so a hostile megabyte of tiny items
    /// would cost a hundred times its size in memory; no node relays a larger transaction anyway.
    /// </remarks>
    public const int MaxEncodedSize = 128 * 1024;

    private readonly byte[] _raw;
    private readonly byte[] _hash;
    private StrongBox<Address>? _sender;

    /// <summary>Combines a transaction with a signature over its signing hash.</summary>
    /// <remarks>The signature's form is checked here; whether it matches the intended sender is what <see cref="RecoverSender"/> tells.</remarks>
    /// <exception cref="ArgumentException">The signature is not canonical (r, s out of range, high S, or recovery id not 0 or 1).</exception>
    /// <exception cref="InvalidOperationException">The transaction's fields are inconsistent (an EIP-1559 priority fee above its fee cap).</exception>
    public SignedTransaction(Transaction transaction, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(signature);
        var problem = signature.Problem();
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid signature: {problem}", nameof(signature));
        }

        Transaction = transaction;
        Signature = signature;
        _raw = transaction.EncodeSigned(signature);
        _hash = Keccak256.Hash(_raw);
    }

    /// <summary>The unsigned transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>The signature over <see cref="Transaction"/>'s signing hash.</summary>
    public Signature Signature { get; }

    /// <summary>The transaction type.</summary>
    public TransactionType Type => Transaction.Type;

    /// <summary>The transaction hash: Keccak-256 of the raw encoding.</summary>
    public ReadOnlySpan<byte> Hash => _hash;

    /// <summary>The raw wire encoding, as sent with <c>eth_sendRawTransaction</c>.</summary>
    public ReadOnlySpan<byte> Raw => _raw;

    /// <summary>Decodes a signed transaction of any supported type, choosing by the first byte (EIP-2718).</summary>
    /// <exception cref="RlpException">The bytes are not canonical RLP, or a scalar field is non-canonical or too long.</exception>
    /// <exception cref="InvalidTransactionException">
    /// The input is empty or larger than <see cref="MaxEncodedSize"/>, the type is unknown, or the fields do not form a valid transaction.
    /// </exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new InvalidTransactionException("A transaction cannot be empty.");
        }

        CheckSize(raw);

        // EIP-2718: 0x00-0x7f is a type byte, 0xc0-0xfe starts a legacy RLP list, anything else is invalid.
        return raw[0] switch
        {
            >= 0xc0 => LegacyTransaction.Decode(raw),
            Eip1559Transaction.TypeByte => Eip1559Transaction.Decode(raw),
            < 0x80 => throw new InvalidTransactionException($"Unsupported transaction type 0x{raw[0]:x2}."),
            _ => throw new InvalidTransactionException($"0x{raw[0]:x2} is neither a transaction type byte nor an RLP list header."),
        };
    }

    /// <summary>Refuses input larger than <see cref="MaxEncodedSize"/> before it is parsed.</summary>
    /// <exception cref="InvalidTransactionException">The input is too large.</exception>
    internal static void CheckSize(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > MaxEncodedSize)
        {
            throw new InvalidTransactionException(
                $"A transaction of {raw.Length} bytes exceeds the limit of {MaxEncodedSize} bytes.");
        }
    }

    /// <summary>Returns a copy of the raw wire encoding.</summary>
    public byte[] ToArray() => (byte[])_raw.Clone();

    /// <summary>The raw wire encoding as <c>0x</c>-prefixed hex, the parameter of <c>eth_sendRawTransaction</c>.</summary>
    public string ToHex() => Hex.Encode(_raw);

    /// <summary>Recovers the sender's address from the signature over the signing hash.</summary>
    /// <exception cref="SignatureException">No public key can be recovered from the signature.</exception>
    public Address RecoverSender()
    {
        // A reference write is atomic, so a boxed cache is safe to share between threads without a lock.
        if (_sender is { } cached)
        {
            return cached.Value;
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Transaction.WriteSigningHash(hash);
        var sender = Signature.RecoverAddress(hash);
        _sender = new StrongBox<Address>(sender);
        return sender;
    }

    /// <summary>The type and transaction hash; never the payload.</summary>
    public override string ToString() => $"{Type} transaction {Hex.Encode(_hash)}";
}
