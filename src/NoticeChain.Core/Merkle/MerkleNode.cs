using System.Security.Cryptography;

namespace NoticeChain.Core.Merkle;

/// <summary>The two domain-separated hash functions of RFC 9162, section 2.1.1.</summary>
/// <remarks>
/// A leaf is hashed as <c>SHA-256(0x00 || entry)</c> and an inner node as
/// <c>SHA-256(0x01 || left || right)</c>. The different first byte is what makes the tree second-preimage
/// resistant: an inner node's 64-byte input can never be presented as a leaf entry, which is possible in
/// merkletools-style trees that hash <c>H(left || right)</c> for leaves and nodes alike.
/// </remarks>
internal static class MerkleNode
{
    public const byte LeafPrefix = 0x00;

    public const byte InnerPrefix = 0x01;

    /// <summary>Writes <c>SHA-256(0x01 || left || right)</c>; the destination may alias either input.</summary>
    public static void HashChildren(ReadOnlySpan<byte> left32, ReadOnlySpan<byte> right32, Span<byte> node32)
    {
        Span<byte> input = stackalloc byte[1 + (2 * MerkleHash.Size)];
        input[0] = InnerPrefix;
        left32[..MerkleHash.Size].CopyTo(input[1..]);
        right32[..MerkleHash.Size].CopyTo(input[(1 + MerkleHash.Size)..]);
        SHA256.HashData(input, node32);
    }
}
