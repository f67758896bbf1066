using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Abi;

/// <summary>
/// Strict decoding of Solidity ABI data (return data, event data, revert data, call arguments) into the value
/// representation described on <see cref="AbiEncoder"/>: <see cref="BigInteger"/>, <see cref="Address"/>,
/// <see cref="bool"/>, <c>byte[]</c>, <see cref="string"/> and <c>object?[]</c> for arrays and tuples.
/// </summary>
/// <remarks>
/// <para>
/// The data usually comes from a node or a contract we do not control, so every word is checked the way the
/// Solidity decoder checks it and more: integers must be sign- or zero-extended to their M bits, addresses must
/// have 12 zero bytes, bools must be 0 or 1, <c>bytes&lt;M&gt;</c>, <c>bytes</c> and <c>string</c> must be
/// zero-padded, strings must be valid UTF-8. Any violation is an <see cref="AbiException"/>.
/// </para>
/// <para>
/// Offsets and lengths are bounds-checked against the remaining data before anything is allocated, and nesting
/// is bounded by <see cref="AbiType.MaxDepth"/>. Because offsets may legally point at the same place (the decoder
/// follows pointers, as Solidity's does, rather than enforcing the strict layout), a small input could otherwise
/// expand into a huge object graph; a work budget of the input size plus 1024 stops that. Each decoded value
/// costs one unit and each <c>bytes</c> or <c>string</c> its padded length in bytes. A well-formed encoding
/// stores every value in at least one word and every byte string once, so it fits (short of about a thousand
/// zero-size values such as empty tuples, which occupy no bytes at all), while byte strings shared by many
/// offsets can copy out at most about as many bytes as the input holds. Data after the last referenced byte
/// is ignored, as Solidity does.
/// </para>
/// </remarks>
public static class AbiDecoder
{
    private const int BaseBudget = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>, returning one value per type.</summary>
    /// <exception cref="AbiException">The data is truncated, malformed or does not match the types.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var tuple = AbiType.ParameterList(types);
        int budget = (int)Math.Min((long)BaseBudget + data.Length, int.MaxValue);
        return DecodeSequence(tuple, tuple.Components.Count, data, ref budget);
    }

    /// <summary>Decodes one elementary value (integer, address, bool, <c>bytes&lt;M&gt;</c>) from its 32-byte word.</summary>
    internal static object DecodeElementary(AbiType type, ReadOnlySpan<byte> word32)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
                RequireZero(word32[..^(type.Bits / 8)], type);
                return new BigInteger(word32, isUnsigned: true, isBigEndian: true);
            case AbiTypeKind.SignedInteger:
                int width = type.Bits / 8;
                byte extension = (word32[^width] & 0x80) == 0 ? (byte)0x00 : (byte)0xff;
                if (word32[..^width].ContainsAnyExcept(extension))
                {
                    throw new AbiException($"{type} word {Convert.ToHexStringLower(word32)} is not sign-extended from {type.Bits} bits.");
                }

                return new BigInteger(word32[^width..], isUnsigned: false, isBigEndian: true);
            case AbiTypeKind.Address:
                RequireZero(word32[..^Address.Size], type);
                return new Address(word32[^Address.Size..]);
            case AbiTypeKind.Bool:
                RequireZero(word32[..^1], type);
                return word32[^1] switch
                {
                    0 => false,
                    1 => true,
                    _ => throw new AbiException($"bool word ends in {word32[^1]}; only 0 and 1 are valid."),
                };
            case AbiTypeKind.FixedBytes:
                if (word32[type.ByteLength..].ContainsAnyExcept((byte)0))
                {
                    throw new AbiException($"{type} word {Convert.ToHexStringLower(word32)} has non-zero padding.");
                }

                return word32[..type.ByteLength].ToArray();
            default:
                throw new AbiException($"{type} is not an elementary type.");
        }
    }

    /// <summary>Decodes the value whose encoding (inline for static types, the target of an offset for dynamic ones) starts at <paramref name="position"/>.</summary>
    private static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data, int position, ref int budget)
    {
        Spend(ref budget, 1);
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                return DecodeBytes(type, data, position, ref budget);
            case AbiTypeKind.Array:
                int count = ReadSize(data, position, "array length");
                return DecodeSequence(type, count, data[(position + AbiType.WordSize)..], ref budget);
            case AbiTypeKind.FixedArray:
                return DecodeSequence(type, type.ArrayLength, data[position..], ref budget);
            case AbiTypeKind.Tuple:
                return DecodeSequence(type, type.Components.Count, data[position..], ref budget);
            default:
                return DecodeElementary(type, Word(data, position));
        }
    }

    /// <summary>Decodes <c>enc((m1, ..., mk))</c> starting at the beginning of <paramref name="block"/>; offsets are relative to it.</summary>
    private static object?[] DecodeSequence(AbiType type, int count, ReadOnlySpan<byte> block, ref int budget)
    {
        long headSize = type.Kind == AbiTypeKind.Array ? (long)count * type.ElementType!.HeadSize : type.InlineSize;
        if (headSize > block.Length)
        {
            throw new AbiException($"{type} with {count} member(s) needs {headSize} bytes of heads, but only {block.Length} remain.");
        }

        if (count > budget)
        {
            throw new AbiException($"{type} with {count} member(s) exceeds the decoding budget for this input.");
        }

        var values = new object?[count];
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            var memberType = type.MemberAt(i);
            if (memberType.IsDynamic)
            {
                int offset = ReadSize(block, position, "offset");
                if (offset > block.Length)
                {
                    throw new AbiException($"Offset {offset} for {memberType} points beyond the {block.Length} bytes available.");
                }

                values[i] = DecodeValue(memberType, block, offset, ref budget);
            }
            else
            {
                values[i] = DecodeValue(memberType, block, position, ref budget);
            }

            position += memberType.HeadSize;
        }

        return values;
    }

    private static object DecodeBytes(AbiType type, ReadOnlySpan<byte> data, int position, ref int budget)
    {
        int length = ReadSize(data, position, "length");
        var rest = data[(position + AbiType.WordSize)..];
        long padded = ((long)length + AbiType.WordSize - 1) / AbiType.WordSize * AbiType.WordSize;
        if (padded > rest.Length)
        {
            throw new AbiException($"{type} of {length} byte(s) needs {padded} bytes with padding, but only {rest.Length} remain.");
        }

        // Bytes, not words: a word-based charge let one 32 KiB string referenced by many offsets be copied out
        // about 33 times (66 times as UTF-16) before the budget ran out.
        Spend(ref budget, (int)padded);
        if (rest[length..(int)padded].ContainsAnyExcept((byte)0))
        {
            throw new AbiException($"{type} of {length} byte(s) has non-zero padding.");
        }

        var content = rest[..length];
        if (type.Kind == AbiTypeKind.Bytes)
        {
            return content.ToArray();
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            throw new AbiException("string is not valid UTF-8.", e);
        }
    }

    /// <summary>Reads a word holding an offset or length, which must fit in 31 bits (anything larger cannot be inside the data).</summary>
    private static int ReadSize(ReadOnlySpan<byte> data, int position, string what)
    {
        var word = Word(data, position);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(word[^4..]);
        if (word[..^4].ContainsAnyExcept((byte)0) || value > int.MaxValue)
        {
            throw new AbiException($"The {what} 0x{Convert.ToHexStringLower(word).TrimStart('0')} exceeds the data.");
        }

        return (int)value;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int position)
    {
        if (data.Length - position < AbiType.WordSize)
        {
            throw new AbiException($"Data ends {data.Length - position} byte(s) into a 32-byte word.");
        }

        return data.Slice(position, AbiType.WordSize);
    }

    private static void RequireZero(ReadOnlySpan<byte> highBytes, AbiType type)
    {
        if (highBytes.ContainsAnyExcept((byte)0))
        {
            throw new AbiException($"{type} word has non-zero high-order bytes.");
        }
    }

    private static void Spend(ref int budget, int units)
    {
        budget -= units;
        if (budget < 0)
        {
            throw new AbiException("The encoding expands beyond the decoding budget for its size (overlapping offsets?).");
        }
    }
}
