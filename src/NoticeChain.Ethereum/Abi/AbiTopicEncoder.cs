using System.Buffers;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Abi;

/// <summary>Encodes one indexed event parameter as its 32-byte topic (Solidity ABI spec, "Encoding of Indexed Event Parameters").</summary>
/// <remarks>
/// A value type (integer, address, bool, <c>bytes&lt;M&gt;</c>) is its ordinary 32-byte word. Everything else is the
/// Keccak-256 of a special in-place encoding: <c>bytes</c> and <c>string</c> are their raw contents, while arrays and
/// structs concatenate their members' encodings without length prefixes, padding nested <c>bytes</c>/<c>string</c>
/// to a multiple of 32 bytes. Such a topic can be searched for but not decoded back.
/// </remarks>
internal static class AbiTopicEncoder
{
    public static byte[] Encode(AbiType type, object? value)
    {
        var topic = new byte[AbiType.WordSize];
        if (type.IsElementary)
        {
            AbiEncoder.WriteElementary(type, value, topic);
            return topic;
        }

        if (type.Kind is AbiTypeKind.Bytes or AbiTypeKind.String)
        {
            Keccak256.Hash(AbiEncoder.ToDynamicBytes(type, value).Span, topic);
            return topic;
        }

        var writer = new ArrayBufferWriter<byte>();
        AppendInPlace(writer, type, value);
        Keccak256.Hash(writer.WrittenSpan, topic);
        return topic;
    }

    private static void AppendInPlace(ArrayBufferWriter<byte> writer, AbiType type, object? value)
    {
        if (type.IsElementary)
        {
            var word = writer.GetSpan(AbiType.WordSize)[..AbiType.WordSize];
            AbiEncoder.WriteElementary(type, value, word);
            writer.Advance(AbiType.WordSize);
            return;
        }

        if (type.Kind is AbiTypeKind.Bytes or AbiTypeKind.String)
        {
            var bytes = AbiEncoder.ToDynamicBytes(type, value).Span;
            int padded = (int)(((long)bytes.Length + AbiType.WordSize - 1) / AbiType.WordSize * AbiType.WordSize);
            var target = writer.GetSpan(padded)[..padded];
            target.Clear();
            bytes.CopyTo(target);
            writer.Advance(padded);
            return;
        }

        var members = AbiEncoder.ToMembers(type, value);
        for (int i = 0; i < members.Count; i++)
        {
            AppendInPlace(writer, type.MemberAt(i), members[i]);
        }
    }
}
