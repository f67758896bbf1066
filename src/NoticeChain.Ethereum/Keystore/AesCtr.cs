using System.Security.Cryptography;

namespace NoticeChain.Ethereum.Keystore;

/// <summary>AES-128 in counter mode (NIST SP 800-38A, section 6.5), as <c>"cipher": "aes-128-ctr"</c> uses it.</summary>
/// <remarks>
/// The BCL has no CTR mode, so the keystream is AES-ECB of successive counter blocks. The initial counter
/// block is the file's 16-byte <c>iv</c>, incremented as one 128-bit big-endian integer, which is what
/// go-ethereum's <c>cipher.NewCTR</c> does; for a 32-byte secret only two blocks are ever used.
/// Encryption and decryption are the same operation.
/// </remarks>
internal static class AesCtr
{
    public const int KeySize = 16;
    public const int BlockSize = 16;

    /// <summary>XORs <paramref name="input"/> with the keystream into <paramref name="output"/> (same length).</summary>
    public static void Transform(ReadOnlySpan<byte> key16, ReadOnlySpan<byte> iv16, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (key16.Length != KeySize)
        {
            throw new ArgumentException($"The AES-128 key must be {KeySize} bytes.", nameof(key16));
        }

        if (iv16.Length != BlockSize)
        {
            throw new ArgumentException($"The counter block must be {BlockSize} bytes.", nameof(iv16));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(output));
        }

        using var aes = Aes.Create();
        aes.SetKey(key16);
        Span<byte> counter = stackalloc byte[BlockSize];
        Span<byte> keystream = stackalloc byte[BlockSize];
        iv16.CopyTo(counter);
        try
        {
            for (int offset = 0; offset < input.Length; offset += BlockSize)
            {
                aes.EncryptEcb(counter, keystream, PaddingMode.None);
                int count = Math.Min(BlockSize, input.Length - offset);
                for (int i = 0; i < count; i++)
                {
                    output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
                }

                Increment(counter);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keystream);
        }
    }

    private static void Increment(Span<byte> counter16)
    {
        for (int i = counter16.Length - 1; i >= 0; i--)
        {
            counter16[i] = unchecked((byte)(counter16[i] + 1));
            if (counter16[i] != 0)
            {
                return;
            }
        }
    }
}
