using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Text;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Abi;

/// <summary>
/// Encodes values with the Solidity contract ABI (head/tail encoding), as used for call data, return data,
/// event data and revert data.
/// </summary>
/// <remarks>
/// <para>
/// Values are represented as: <see cref="BigInteger"/> (or any built-in integer type) for <c>uint&lt;M&gt;</c> and
/// <c>int&lt;M&gt;</c>; <see cref="Address"/> for <c>address</c>; <see cref="bool"/> for <c>bool</c>; a <c>byte[]</c>
/// or <see cref="ReadOnlyMemory{T}"/> of exactly M bytes for <c>bytes&lt;M&gt;</c> and of any length for <c>bytes</c>;
/// <see cref="string"/> for <c>string</c>; and any <see cref="IList"/> (for example <c>object?[]</c>) for arrays and tuples.
/// </para>
/// <para>
/// Every value is checked against its type before it is written: an integer outside the range of M bits, a
/// <c>bytes&lt;M&gt;</c> of the wrong length or a fixed array with the wrong element count is an
/// <see cref="AbiException"/>, never a silently truncated encoding that a contract would read differently.
/// The output is the strict encoding of the specification (minimal offsets, zero padding).
/// </para>
/// </remarks>
public static class AbiEncoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly BigInteger[] UnsignedMax = Bounds(bits => (BigInteger.One << bits) - 1);
    private static readonly BigInteger[] SignedMax = Bounds(bits => (BigInteger.One << (bits - 1)) - 1);
    private static readonly BigInteger[] SignedMin = Bounds(bits => -(BigInteger.One << (bits - 1)));

    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/>, i.e. <c>enc((v1, ..., vn))</c>.</summary>
    /// <exception cref="AbiException">The counts differ or a value does not fit its type; the message names the argument.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"Expected {types.Count} value(s) for ({string.Join(',', types)}), got {values.Count}.");
        }

        var tuple = AbiType.ParameterList(types);
        var buffer = new OutputBuffer();
        int headEnd = tuple.InlineSize;
        buffer.AppendZeros(headEnd);
        int position = 0;
        for (int i = 0; i < types.Count; i++)
        {
            try
            {
                WriteMember(buffer, start: 0, position, types[i], values[i]);
            }
            catch (AbiException e)
            {
                throw new AbiException($"Argument {i} ({types[i]}): {e.Message}", e);
            }

            position += types[i].HeadSize;
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the 32-byte word of an elementary value (integer, address, bool, <c>bytes&lt;M&gt;</c>).</summary>
    internal static void WriteElementary(AbiType type, object? value, Span<byte> word32)
    {
        word32.Clear();
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger:
                WriteInteger(type, ToBigInteger(type, value), word32);
                break;
            case AbiTypeKind.Address:
                if (value is not Address address)
                {
                    throw WrongValue(type, value, "an Address");
                }

                address.CopyTo(word32[(AbiType.WordSize - Address.Size)..]);
                break;
            case AbiTypeKind.Bool:
                if (value is not bool flag)
                {
                    throw WrongValue(type, value, "a bool");
                }

                word32[^1] = flag ? (byte)1 : (byte)0;
                break;
            case AbiTypeKind.FixedBytes:
                var bytes = ToBytes(type, value);
                if (bytes.Length != type.ByteLength)
                {
                    throw new AbiException($"{type} needs exactly {type.ByteLength} byte(s), got {bytes.Length}.");
                }

                bytes.Span.CopyTo(word32);
                break;
            default:
                throw new AbiException($"{type} is not an elementary type.");
        }
    }

    /// <summary>The raw bytes of a <c>bytes</c> value or the UTF-8 of a <c>string</c> value.</summary>
    internal static ReadOnlyMemory<byte> ToDynamicBytes(AbiType type, object? value)
    {
        if (type.Kind != AbiTypeKind.String)
        {
            return ToBytes(type, value);
        }

        if (value is not string text)
        {
            throw WrongValue(type, value, "a string");
        }

        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiException("The string is not valid UTF-16 (it contains an unpaired surrogate).", e);
        }
    }

    /// <summary>The members of an array or tuple value, checked against the expected count when there is one.</summary>
    internal static IList ToMembers(AbiType type, object? value)
    {
        if (value is not IList list)
        {
            throw WrongValue(type, value, "a list (for example object?[])");
        }

        int expected = type.Kind switch
        {
            AbiTypeKind.Tuple => type.Components.Count,
            AbiTypeKind.FixedArray => type.ArrayLength,
            _ => -1,
        };
        if (expected >= 0 && list.Count != expected)
        {
            throw new AbiException($"{type} needs exactly {expected} member(s), got {list.Count}.");
        }

        return list;
    }

    /// <summary>Writes a member's head at <paramref name="position"/>; a dynamic member's tail is appended and its offset written relative to <paramref name="start"/>.</summary>
    private static void WriteMember(OutputBuffer buffer, int start, int position, AbiType type, object? value)
    {
        if (type.IsDynamic)
        {
            WriteLength(buffer.Slice(position, AbiType.WordSize), buffer.Length - start);
            AppendDynamic(buffer, type, value);
        }
        else
        {
            WriteStatic(buffer, position, type, value);
        }
    }

    private static void WriteStatic(OutputBuffer buffer, int position, AbiType type, object? value)
    {
        if (type.IsElementary)
        {
            WriteElementary(type, value, buffer.Slice(position, AbiType.WordSize));
            return;
        }

        var members = ToMembers(type, value);
        for (int i = 0; i < members.Count; i++)
        {
            var memberType = type.MemberAt(i);
            WriteStatic(buffer, position, memberType, members[i]);
            position += memberType.HeadSize;
        }
    }

    private static void AppendDynamic(OutputBuffer buffer, AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                var bytes = ToDynamicBytes(type, value);
                WriteLength(buffer.AppendZeros(AbiType.WordSize), bytes.Length);
                bytes.Span.CopyTo(buffer.AppendZeros(PaddedLength(bytes.Length)));
                break;
            case AbiTypeKind.Array:
                var elements = ToMembers(type, value);
                WriteLength(buffer.AppendZeros(AbiType.WordSize), elements.Count);
                AppendSequence(buffer, type, elements);
                break;
            default:
                AppendSequence(buffer, type, ToMembers(type, value));
                break;
        }
    }

    /// <summary>Appends <c>enc((m1, ..., mk))</c>: all heads, then the tails of the dynamic members.</summary>
    private static void AppendSequence(OutputBuffer buffer, AbiType type, IList members)
    {
        long headSize = type.Kind == AbiTypeKind.Array ? (long)members.Count * type.ElementType!.HeadSize : type.InlineSize;
        if (headSize > int.MaxValue / 2)
        {
            throw new AbiException($"{type} with {members.Count} element(s) is too large to encode.");
        }

        int start = buffer.Length;
        buffer.AppendZeros((int)headSize);
        int position = start;
        for (int i = 0; i < members.Count; i++)
        {
            var memberType = type.MemberAt(i);
            WriteMember(buffer, start, position, memberType, members[i]);
            position += memberType.HeadSize;
        }
    }

    private static void WriteInteger(AbiType type, BigInteger value, Span<byte> word32)
    {
        bool signed = type.Kind == AbiTypeKind.SignedInteger;
        int index = type.Bits / 8;
        var min = signed ? SignedMin[index] : BigInteger.Zero;
        var max = signed ? SignedMax[index] : UnsignedMax[index];
        if (value < min || value > max)
        {
            throw new AbiException($"{value} is out of range for {type} ({min} to {max}).");
        }

        if (value.Sign < 0)
        {
            word32.Fill(0xff);
        }

        int count = value.GetByteCount(isUnsigned: !signed);
        value.TryWriteBytes(word32[(AbiType.WordSize - count)..], out _, isUnsigned: !signed, isBigEndian: true);
    }

    private static BigInteger ToBigInteger(AbiType type, object? value) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte b => b,
        sbyte sb => sb,
        Int128 i128 => (BigInteger)i128,
        UInt128 u128 => (BigInteger)u128,
        _ => throw WrongValue(type, value, "an integer (BigInteger or a built-in integer type)"),
    };

    private static ReadOnlyMemory<byte> ToBytes(AbiType type, object? value) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => memory,
        _ => throw WrongValue(type, value, "a byte[] or ReadOnlyMemory<byte>"),
    };

    private static void WriteLength(Span<byte> word32, int value)
    {
        word32.Clear();
        BinaryPrimitives.WriteInt32BigEndian(word32[(AbiType.WordSize - 4)..], value);
    }

    private static int PaddedLength(int length) => checked((int)(((long)length + AbiType.WordSize - 1) / AbiType.WordSize * AbiType.WordSize));

    private static AbiException WrongValue(AbiType type, object? value, string expected) =>
        new($"{type} expects {expected}, got {(value is null ? "null" : value.GetType().Name)}.");

    private static BigInteger[] Bounds(Func<int, BigInteger> bound)
    {
        var bounds = new BigInteger[(256 / 8) + 1];
        for (int bytes = 1; bytes < bounds.Length; bytes++)
        {
            bounds[bytes] = bound(bytes * 8);
        }

        return bounds;
    }

    /// <summary>A growable output buffer whose already-written heads can be patched in place.</summary>
    private sealed class OutputBuffer
    {
        private byte[] _bytes = new byte[256];

        public int Length { get; private set; }

        public Span<byte> AppendZeros(int count)
        {
            int needed = checked(Length + count);
            if (needed > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(needed, (int)Math.Min((long)_bytes.Length * 2, Array.MaxLength)));
            }

            var span = _bytes.AsSpan(Length, count);
            span.Clear();
            Length = needed;
            return span;
        }

        public Span<byte> Slice(int position, int count) => _bytes.AsSpan(position, count);

        public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();
    }
}
