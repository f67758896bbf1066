using Org.BouncyCastle.Crypto.Digests;

namespace NoticeChain.Ethereum.Crypto;

/// <summary>Keccak-256 as Ethereum uses it (original Keccak padding 0x01).</summary>
/// <remarks>
/// This is not FIPS 202 SHA3-256 (padding 0x06), so the BCL's <c>SHA3_256</c> gives different
/// results and must not be used. BouncyCastle's <see cref="KeccakDigest"/> implements the original
/// submission padding; it stays behind this class so callers only see spans.
/// </remarks>
public static class Keccak256
{
    /// <summary>Size of a Keccak-256 hash in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="hash32"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash32"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> hash32)
    {
        if (hash32.Length < HashSize)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(hash32));
        }

        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data.ToArray(), 0, data.Length);
        var output = new byte[HashSize];
        digest.DoFinal(output, 0);
        output.CopyTo(hash32);
    }

    /// <summary>Hashes <paramref name="data"/> and returns a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashSize];
        Hash(data, hash);
        return hash;
    }
}
