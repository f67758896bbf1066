namespace NoticeChain.Ethereum.Keystore;

/// <summary>The scrypt cost a new keystore file is written with.</summary>
/// <param name="N">CPU/memory cost, a power of two.</param>
/// <param name="R">Block size.</param>
/// <param name="P">Parallelisation.</param>
/// <remarks>
/// Files are always written with scrypt. Use <see cref="Standard"/> for real keys; <see cref="Light"/>
/// (64 times cheaper, what go-ethereum calls "light") is for tests and throw-away development keys, where
/// unlocking in milliseconds matters more than resistance to brute force. Any cost must stay within the
/// bounds <see cref="ScryptKdf"/> enforces when reading, so every file this library writes it can read.
/// </remarks>
public readonly record struct ScryptCost(int N, int R, int P)
{
    /// <summary>n = 2^18, r = 8, p = 1: the cost go-ethereum and the specification's vector use (256 MiB, about a second).</summary>
    public static ScryptCost Standard { get; } = new(262_144, 8, 1);

    /// <summary>n = 2^12, r = 8, p = 1: for tests and development keys only (4 MiB, milliseconds).</summary>
    public static ScryptCost Light { get; } = new(4_096, 8, 1);
}
