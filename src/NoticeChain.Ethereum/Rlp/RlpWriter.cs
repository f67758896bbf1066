using System.Buffers.Binary;
using System.Numerics;

namespace NoticeChain.Ethereum.Rlp;

/// <summary>RLP encoding (Ethereum Yellow Paper, appendix B). Output is always canonical.</summary>
public static class RlpWriter
{
    /// <summary>Encodes an item tree.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var buffer = new byte[EncodedLength(item)];
        int written = Write(item, buffer);
        System.Diagnostics.Debug.Assert(written == buffer.Length, "length pre-computation and writing disagree");
        return buffer;
    }

    /// <summary>Encodes a single byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes) => Encode(RlpItem.FromBytes(bytes));

    /// <summary>The number of bytes <see cref="Encode(RlpItem)"/> produces.</summary>
    public static int EncodedLength(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsList)
        {
            var bytes = item.Bytes.Span;
            return bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;
        }

        int payload = PayloadLength(item);
        return HeaderLength(payload) + payload;
    }

    private static int PayloadLength(RlpItem list)
    {
        int payload = 0;
        foreach (var child in list.Items)
        {
            payload = checked(payload + EncodedLength(child));
        }

        return payload;
    }

    private static int HeaderLength(int payloadLength) =>
        payloadLength <= 55 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length) => 4 - (BitOperations.LeadingZeroCount((uint)length) / 8);

    private static int Write(RlpItem item, Span<byte> destination)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes.Span;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                destination[0] = bytes[0];
                return 1;
            }

            int header = WriteHeader(destination, 0x80, bytes.Length);
            bytes.CopyTo(destination[header..]);
            return header + bytes.Length;
        }

        int offset = WriteHeader(destination, 0xc0, PayloadLength(item));
        foreach (var child in item.Items)
        {
            offset += Write(child, destination[offset..]);
        }

        return offset;
    }

    private static int WriteHeader(Span<byte> destination, byte shortBase, int payloadLength)
    {
        if (payloadLength <= 55)
        {
            destination[0] = (byte)(shortBase + payloadLength);
            return 1;
        }

        int lengthOfLength = LengthOfLength(payloadLength);
        destination[0] = (byte)(shortBase + 55 + lengthOfLength);
        Span<byte> lengthBytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(lengthBytes, payloadLength);
        lengthBytes[(4 - lengthOfLength)..].CopyTo(destination[1..]);
        return 1 + lengthOfLength;
    }
}
