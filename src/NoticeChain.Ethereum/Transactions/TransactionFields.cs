using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Ethereum.Transactions;

/// <summary>Encoding and strict decoding of the fields that the transaction types share.</summary>
internal static class TransactionFields
{
    private const int ScalarSize = 32;

    private static readonly BigInteger UInt256Limit = BigInteger.One << 256;

    /// <summary>Throws unless 0 ≤ value &lt; 2^256.</summary>
    public static BigInteger CheckUInt256(BigInteger value, string paramName)
    {
        if (value.Sign < 0 || value >= UInt256Limit)
        {
            throw new ArgumentOutOfRangeException(paramName, "The value must be an unsigned 256-bit integer.");
        }

        return value;
    }

    /// <summary>Throws unless the nonce is below 2^64 - 1 (EIP-2681).</summary>
    public static ulong CheckNonce(ulong nonce, string paramName)
    {
        if (nonce == ulong.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, "The nonce must be below 2^64 - 1 (EIP-2681).");
        }

        return nonce;
    }

    /// <summary>Throws unless the chain id is positive (EIP-155 replay protection needs one).</summary>
    public static ulong CheckChainId(ulong chainId, string paramName)
    {
        if (chainId == 0)
        {
            throw new ArgumentOutOfRangeException(paramName, "The chain id must be positive.");
        }

        return chainId;
    }

    /// <summary>The recipient: the 20 address bytes, or the empty string for contract creation.</summary>
    public static RlpItem To(Address? to)
    {
        if (to is not { } address)
        {
            return RlpItem.Empty;
        }

        Span<byte> bytes = stackalloc byte[Address.Size];
        address.CopyTo(bytes);
        return RlpItem.FromBytes(bytes);
    }

    /// <summary>A 32-byte big-endian scalar (r or s) as a minimal RLP scalar: leading zero bytes dropped.</summary>
    public static RlpItem Scalar(ReadOnlySpan<byte> scalar32)
    {
        int first = scalar32.IndexOfAnyExcept((byte)0);
        return first < 0 ? RlpItem.Empty : RlpItem.FromBytes(scalar32[first..]);
    }

    /// <summary>Decodes the outer RLP list and checks its field count.</summary>
    /// <exception cref="RlpException">The payload is not canonical RLP.</exception>
    /// <exception cref="InvalidTransactionException">It is not a list of <paramref name="expectedCount"/> items.</exception>
    public static IReadOnlyList<RlpItem> ReadFields(ReadOnlySpan<byte> payload, int expectedCount, string kind)
    {
        var item = RlpReader.Decode(payload);
        if (!item.IsList)
        {
            throw new InvalidTransactionException($"A {kind} transaction is an RLP list, found a byte string.");
        }

        if (item.Items.Count != expectedCount)
        {
            throw new InvalidTransactionException(
                $"A signed {kind} transaction has {expectedCount} fields, found {item.Items.Count}.");
        }

        return item.Items;
    }

    /// <exception cref="RlpException">The field is not a canonical scalar of at most 8 bytes.</exception>
    public static ulong ReadUInt64(RlpItem item, string field)
    {
        try
        {
            return item.ToUInt64();
        }
        catch (RlpException ex)
        {
            throw new RlpException($"Field '{field}': {ex.Message}", ex);
        }
    }

    /// <exception cref="RlpException">The nonce is not a canonical scalar of at most 8 bytes.</exception>
    /// <exception cref="InvalidTransactionException">The nonce is 2^64 - 1, which EIP-2681 forbids.</exception>
    public static ulong ReadNonce(RlpItem item)
    {
        var nonce = ReadUInt64(item, "nonce");
        return nonce != ulong.MaxValue
            ? nonce
            : throw new InvalidTransactionException("The nonce 2^64 - 1 is not allowed (EIP-2681).");
    }

    /// <exception cref="RlpException">The field is not a canonical scalar of at most 32 bytes.</exception>
    public static BigInteger ReadUInt256(RlpItem item, string field)
    {
        try
        {
            return item.ToBigInteger(ScalarSize);
        }
        catch (RlpException ex)
        {
            throw new RlpException($"Field '{field}': {ex.Message}", ex);
        }
    }

    /// <exception cref="InvalidTransactionException">The field is a list.</exception>
    public static ReadOnlyMemory<byte> ReadBytes(RlpItem item, string field)
    {
        if (item.IsList)
        {
            throw new InvalidTransactionException($"Field '{field}' must be a byte string, found a list.");
        }

        return item.Bytes;
    }

    /// <exception cref="InvalidTransactionException">The field is neither empty nor 20 bytes.</exception>
    public static Address? ReadTo(RlpItem item)
    {
        var bytes = ReadBytes(item, "to").Span;
        return bytes.Length switch
        {
            0 => null,
            Address.Size => new Address(bytes),
            _ => throw new InvalidTransactionException(
                $"Field 'to' must be empty (contract creation) or {Address.Size} bytes, found {bytes.Length}."),
        };
    }

    /// <summary>Reads r and s as canonical scalars and checks the signature is in the form Ethereum accepts.</summary>
    /// <exception cref="RlpException">r or s is not a canonical scalar of at most 32 bytes.</exception>
    /// <exception cref="InvalidTransactionException">r or s is out of range, or s is above n/2 (EIP-2).</exception>
    public static Signature ReadSignature(RlpItem r, RlpItem s, byte recoveryId)
    {
        Span<byte> r32 = stackalloc byte[ScalarSize];
        Span<byte> s32 = stackalloc byte[ScalarSize];
        ReadScalar32(r, "r", r32);
        ReadScalar32(s, "s", s32);
        var signature = new Signature(r32, s32, recoveryId);
        var problem = signature.Problem();
        if (problem is not null)
        {
            throw new InvalidTransactionException($"Invalid signature: {problem}");
        }

        return signature;
    }

    private static void ReadScalar32(RlpItem item, string field, Span<byte> destination32)
    {
        ReadUInt256(item, field);
        var bytes = item.Bytes.Span;
        destination32.Clear();
        bytes.CopyTo(destination32[(ScalarSize - bytes.Length)..]);
    }
}
