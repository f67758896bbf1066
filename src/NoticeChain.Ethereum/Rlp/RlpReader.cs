namespace NoticeChain.Ethereum.Rlp;

/// <summary>
/// Strict RLP decoding: the input must be exactly one canonical item. Every violation raises
/// <see cref="RlpException"/>.
/// </summary>
/// <remarks>
/// Canonical means what the Yellow Paper's encoder would produce: a single byte below 0x80 is never
/// wrapped in a string header, the long form is used only for payloads over 55 bytes, and a length
/// field has no leading zero bytes. Declared lengths are checked against the remaining input before
/// anything is allocated, so a hostile 9-byte header cannot ask for gigabytes. Nesting is bounded to
/// keep recursion off the stack limit.
/// </remarks>
public static class RlpReader
{
    /// <summary>The deepest list nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Decodes exactly one item that spans the whole input.</summary>
    /// <exception cref="RlpException">The input is empty, malformed, non-canonical, or has trailing bytes.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            throw new RlpException("Input is empty.");
        }

        int consumed = ReadItem(input, depth: 0, out var item);
        if (consumed != input.Length)
        {
            throw new RlpException($"{input.Length - consumed} trailing byte(s) after the RLP item.");
        }

        return item;
    }

    /// <summary>Decodes exactly one item, returning false instead of throwing on malformed input.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> input, out RlpItem? item)
    {
        try
        {
            item = Decode(input);
            return true;
        }
        catch (RlpException)
        {
            item = null;
            return false;
        }
    }

    private static int ReadItem(ReadOnlySpan<byte> input, int depth, out RlpItem item)
    {
        byte prefix = input[0];
        if (prefix < 0x80)
        {
            item = RlpItem.FromBytes(input[..1]);
            return 1;
        }

        bool isList = prefix >= 0xc0;
        int headerLength;
        int payloadLength;
        int shortBase = isList ? 0xc0 : 0x80;
        if (prefix - shortBase <= 55)
        {
            headerLength = 1;
            payloadLength = prefix - shortBase;
        }
        else
        {
            int lengthOfLength = prefix - shortBase - 55;
            if (input.Length < 1 + lengthOfLength)
            {
                throw new RlpException("Input ends inside a length field.");
            }

            var lengthBytes = input.Slice(1, lengthOfLength);
            if (lengthBytes[0] == 0)
            {
                throw new RlpException("Length field has a leading zero byte (non-canonical).");
            }

            long length = 0;
            foreach (var b in lengthBytes)
            {
                length = (length << 8) | b;
                if (length > int.MaxValue)
                {
                    throw new RlpException("Declared length exceeds the supported maximum.");
                }
            }

            if (length <= 55)
            {
                throw new RlpException("Long-form length used for a payload of 55 bytes or fewer (non-canonical).");
            }

            headerLength = 1 + lengthOfLength;
            payloadLength = (int)length;
        }

        if (payloadLength > input.Length - headerLength)
        {
            throw new RlpException($"Declared length {payloadLength} exceeds the {input.Length - headerLength} byte(s) remaining.");
        }

        var payload = input.Slice(headerLength, payloadLength);
        if (!isList)
        {
            if (payloadLength == 1 && payload[0] < 0x80)
            {
                throw new RlpException("Single byte below 0x80 wrapped in a string header (non-canonical).");
            }

            item = RlpItem.FromBytes(payload);
            return headerLength + payloadLength;
        }

        if (depth >= MaxDepth)
        {
            throw new RlpException($"Lists nested deeper than {MaxDepth}.");
        }

        var children = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            int used = ReadItem(payload, depth + 1, out var child);
            children.Add(child);
            payload = payload[used..];
        }

        item = RlpItem.List(children);
        return headerLength + payloadLength;
    }
}
