using System.Security.Cryptography;
using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Merkle;

/// <summary>Turns entries into RFC 9162 leaf hashes, the only way into a <see cref="MerkleTree"/>.</summary>
/// <remarks>
/// A NoticeChain entry is the 64 bytes <c>salt || digest</c>, so a notice's leaf is
/// <c>SHA-256(0x00 || salt || digest)</c>: the RFC 9162 leaf hash (section 2.1.1) of that entry. The
/// <c>0x00</c> prefix keeps leaves and inner nodes apart (second-preimage resistance); the salt keeps the
/// digest off the chain (see <see cref="Salt"/>).
/// </remarks>
public static class MerkleLeaf
{
    /// <summary>Size of a NoticeChain leaf entry, <c>salt || digest</c>, in bytes.</summary>
    public const int EntrySize = Salt.Size + Digest.Size;

    /// <summary>The leaf hash of a notice: <c>SHA-256(0x00 || salt || digest)</c>.</summary>
    public static MerkleHash Hash(Salt salt, Digest digest)
    {
        Span<byte> input = stackalloc byte[1 + EntrySize];
        input[0] = MerkleNode.LeafPrefix;
        salt.CopyTo(input[1..]);
        digest.CopyTo(input[(1 + Salt.Size)..]);
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        SHA256.HashData(input, leaf);
        return new MerkleHash(leaf);
    }

    /// <summary>The RFC 9162 leaf hash of an arbitrary entry: <c>SHA-256(0x00 || entry)</c>.</summary>
    /// <remarks>
    /// For interoperating with other RFC 9162 / RFC 6962 logs and their test data; notices use
    /// <see cref="Hash(Salt, Digest)"/>, which is this function applied to the entry <c>salt || digest</c>.
    /// </remarks>
    public static MerkleHash HashEntry(ReadOnlySpan<byte> entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([MerkleNode.LeafPrefix]);
        hash.AppendData(entry);
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        hash.GetHashAndReset(leaf);
        return new MerkleHash(leaf);
    }
}
