using System.Buffers.Binary;
using System.Numerics;

namespace NoticeChain.Ethereum.Rlp;

/// <summary>
/// A decoded or to-be-encoded RLP value: either a byte string or a list of items
/// (Ethereum Yellow Paper, appendix B).
/// </summary>
public sealed class RlpItem
{
    private static readonly RlpItem[] NoItems = [];

    private RlpItem(ReadOnlyMemory<byte> bytes, IReadOnlyList<RlpItem> items, bool isList)
    {
        Bytes = bytes;
        Items = items;
        IsList = isList;
    }

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList { get; }

    /// <summary>The payload of a byte string; empty for a list.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The elements of a list; empty for a byte string.</summary>
    public IReadOnlyList<RlpItem> Items { get; }

    /// <summary>The empty byte string (encodes as 0x80).</summary>
    public static RlpItem Empty { get; } = new(ReadOnlyMemory<byte>.Empty, NoItems, isList: false);

    /// <summary>A byte string item. The bytes are copied.</summary>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), NoItems, isList: false);

    /// <summary>A list item.</summary>
    public static RlpItem List(params RlpItem[] items) => new(ReadOnlyMemory<byte>.Empty, items.ToArray(), isList: true);

    /// <summary>A list item.</summary>
    public static RlpItem List(IEnumerable<RlpItem> items) => new(ReadOnlyMemory<byte>.Empty, items.ToArray(), isList: true);

    /// <summary>A scalar as its minimal big-endian bytes (zero is the empty string).</summary>
    public static RlpItem FromUInt64(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        int skip = BitOperations.LeadingZeroCount(value) / 8;
        return FromBytes(buffer[skip..]);
    }

    /// <summary>A non-negative scalar as its minimal big-endian bytes (zero is the empty string).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static RlpItem FromBigInteger(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value.IsZero ? Empty : new RlpItem(value.ToByteArray(isUnsigned: true, isBigEndian: true), NoItems, isList: false);
    }

    /// <summary>Reads a byte string as a canonical scalar (no leading zero bytes) that fits in 64 bits.</summary>
    /// <exception cref="RlpException">The item is a list, has leading zeros or exceeds 64 bits.</exception>
    public ulong ToUInt64()
    {
        var span = ScalarBytes(maxLength: 8);
        ulong value = 0;
        foreach (var b in span)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Reads a byte string as a canonical unsigned scalar of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="RlpException">The item is a list, has leading zeros or is too long.</exception>
    public BigInteger ToBigInteger(int maxBytes = 32) =>
        new(ScalarBytes(maxBytes), isUnsigned: true, isBigEndian: true);

    /// <summary>Encodes this item.</summary>
    public byte[] Encode() => RlpWriter.Encode(this);

    private ReadOnlySpan<byte> ScalarBytes(int maxLength)
    {
        if (IsList)
        {
            throw new RlpException("Expected a scalar byte string, found a list.");
        }

        var span = Bytes.Span;
        if (span.Length > maxLength)
        {
            throw new RlpException($"Scalar is longer than {maxLength} bytes.");
        }

        if (span.Length > 0 && span[0] == 0)
        {
            throw new RlpException("Scalar has a leading zero byte (non-canonical).");
        }

        return span;
    }
}
