using System.Buffers.Binary;
using NoticeChain.Ethereum.Abi;

namespace NoticeChain.Ethereum.Tests.Abi;

/// <summary>
/// Finds the offset and length words of a well-formed encoding by walking it the way the Solidity ABI spec lays
/// it out (independently of <see cref="AbiDecoder"/>), so tests can corrupt exactly those words.
/// </summary>
internal static class AbiPointerWords
{
    /// <summary>The byte positions of every offset word and every length word in <paramref name="encoded"/>.</summary>
    public static List<int> Find(IReadOnlyList<AbiType> types, byte[] encoded)
    {
        var positions = new List<int>();
        WalkSequence(types, 0, encoded, positions);
        return positions;
    }

    // enc((m1, ..., mk)): heads in order; a dynamic member's head is an offset from the start of this block.
    private static void WalkSequence(IReadOnlyList<AbiType> members, int block, byte[] data, List<int> positions)
    {
        int head = block;
        foreach (var member in members)
        {
            if (member.IsDynamic)
            {
                positions.Add(head);
                WalkDynamic(member, block + ReadInt(data, head), data, positions);
            }

            head += member.HeadSize;
        }
    }

    private static void WalkDynamic(AbiType type, int position, byte[] data, List<int> positions)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                positions.Add(position);
                break;
            case AbiTypeKind.Array:
                positions.Add(position);
                WalkSequence(Enumerable.Repeat(type.ElementType!, ReadInt(data, position)).ToList(), position + 32, data, positions);
                break;
            case AbiTypeKind.FixedArray:
                WalkSequence(Enumerable.Repeat(type.ElementType!, type.ArrayLength).ToList(), position, data, positions);
                break;
            default:
                WalkSequence(type.Components, position, data, positions);
                break;
        }
    }

    private static int ReadInt(byte[] data, int position) => checked((int)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(position + 24, 8)));
}
