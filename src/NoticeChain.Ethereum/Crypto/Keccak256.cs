using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>Keccak-256 as Ethereum uses it (original Keccak padding 0x01).</summary>
/// <remarks>
/// <para>
/// This is not FIPS 202 SHA3-256 (padding 0x06), so the BCL's <c>SHA3_256</c> gives different
/// results and must not be used. BouncyCastle's <see cref="KeccakDigest"/> implements the original
/// submission padding; it stays behind this class so callers only see spans.
/// </para>
/// <para>
/// The input may be secret (the keystore MAC hashes half of the derived key), so it is never copied whole
/// into a fresh array, which would stay on the heap until the collector reuses it. BouncyCastle takes arrays,
/// so the input is fed through a small per-thread buffer, allocated pinned (the collector cannot leave copies
/// of it behind) and cleared after every hash; the digest clears its own state when it finishes. Hashing
/// therefore allocates nothing after a thread's first call.
/// </para>
/// </remarks>
public static class Keccak256
{
    /// <summary>Size of a Keccak-256 hash in bytes.</summary>
    public const int HashSize = 32;

    // Eight times the Keccak-256 rate of 136 bytes: large enough that long inputs cross into BouncyCastle rarely.
    private const int ChunkSize = 1088;

    [ThreadStatic]
    private static byte[]? _threadChunk;

    [ThreadStatic]
    private static KeccakDigest? _threadDigest;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="hash32"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> hash32)
    {
        if (hash32.Length < HashSize)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(hash32));
        }

        var chunk = _threadChunk ??= GC.AllocateArray<byte>(ChunkSize, pinned: true);
        var digest = _threadDigest ??= new KeccakDigest(256);
        int used = Math.Min(data.Length, ChunkSize);
        try
        {
            for (int offset = 0; offset < data.Length; offset += ChunkSize)
            {
                int length = Math.Min(ChunkSize, data.Length - offset);
                data.Slice(offset, length).CopyTo(chunk);
                digest.BlockUpdate(chunk, 0, length);
            }

            used = Math.Max(used, HashSize);
            digest.DoFinal(chunk, 0);
            chunk.AsSpan(0, HashSize).CopyTo(hash32);
        }
        finally
        {
            // DoFinal resets the digest; Reset again in case an exception left it half-fed.
            digest.Reset();
            CryptographicOperations.ZeroMemory(chunk.AsSpan(0, used));
        }
    }

    /// <summary>Hashes <paramref name="data"/> and returns a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashSize];
        Hash(data, hash);
        return hash;
    }
}
