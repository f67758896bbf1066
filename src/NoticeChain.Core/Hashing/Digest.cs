using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NoticeChain.Core.Hashing;

/// <summary>The SHA-256 digest of a notice document: the value an issuer submits and a verifier recomputes.</summary>
/// <remarks>
/// <para>
/// Plain SHA-256 of the document bytes, with no prefix or salt, because that is what a browser computes with
/// <c>crypto.subtle.digest("SHA-256", bytes)</c> and what <c>sha256sum</c> prints: a citizen or a bank can
/// recompute it with tools they already trust, and the document never has to leave their hands.
/// </para>
/// <para>
/// A digest never goes on chain by itself. It is bound to a random <see cref="Salt"/> in the Merkle leaf
/// (<see cref="Merkle.MerkleLeaf.Hash(Salt, Digest)"/>), so a guessable document (a form letter with one name
/// changed) cannot be confirmed by hashing candidates against public chain data.
/// </para>
/// <para>A value type of 32 bytes that never allocates; <c>default</c> is the all-zero value, which is not the
/// digest of any known document.</para>
/// </remarks>
public readonly struct Digest : IEquatable<Digest>
{
    /// <summary>Size of a SHA-256 digest in bytes.</summary>
    public const int Size = Bytes32.Size;

    private const int StreamBufferSize = 81920;

    private readonly Bytes32 _value;

    /// <summary>Wraps an already computed 32-byte SHA-256 digest.</summary>
    /// <exception cref="ArgumentException"><paramref name="digest32"/> is not 32 bytes long.</exception>
    public Digest(ReadOnlySpan<byte> digest32) => _value = new Bytes32(digest32, nameof(digest32));

    private Digest(Bytes32 value) => _value = value;

    /// <summary>Computes the SHA-256 digest of a whole document held in memory.</summary>
    public static Digest Compute(ReadOnlySpan<byte> document)
    {
        Span<byte> digest = stackalloc byte[Size];
        SHA256.HashData(document, digest);
        return new Digest(digest);
    }

    /// <summary>Computes the SHA-256 digest of a document read from <paramref name="document"/> to its end.</summary>
    /// <remarks>
    /// The stream is hashed block by block and never buffered as a whole, so an uploaded file is digested
    /// while it streams and is never written anywhere. The rented read buffer is cleared before it goes back
    /// to the pool, so no document bytes linger in shared memory. The stream is not disposed.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<Digest> ComputeAsync(Stream document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            int read;
            while ((read = await document.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        return Finish(hash);
    }

    /// <summary>Parses exactly 64 hexadecimal digits, the form <c>sha256sum</c> prints.</summary>
    /// <remarks>
    /// Upper-case digits are accepted because some tools (PowerShell's <c>Get-FileHash</c>) print them; a
    /// <c>0x</c> prefix, whitespace or any other length is rejected rather than guessed at.
    /// </remarks>
    /// <exception cref="FormatException">The text is not 64 hexadecimal digits.</exception>
    public static Digest Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var digest)
            ? digest
            : throw new FormatException("A SHA-256 digest is exactly 64 hexadecimal digits without prefix.");

    /// <summary>Parses exactly 64 hexadecimal digits; false on any malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Digest digest)
    {
        var parsed = Bytes32.TryParseHex(text, out var value);
        digest = new Digest(value);
        return parsed;
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination32"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination32) => _value.CopyTo(destination32, nameof(destination32));

    /// <summary>Returns the 32 bytes as a new array.</summary>
    public byte[] ToArray() => _value.ToArray();

    /// <summary>64 lower-case hexadecimal digits without prefix, as <c>sha256sum</c> prints them.</summary>
    public override string ToString() => _value.ToString();

    /// <inheritdoc />
    public bool Equals(Digest other) => _value.Equals(other._value);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Digest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two digests byte for byte.</summary>
    public static bool operator ==(Digest left, Digest right) => left.Equals(right);

    /// <summary>Compares two digests byte for byte.</summary>
    public static bool operator !=(Digest left, Digest right) => !left.Equals(right);

    private static Digest Finish(IncrementalHash hash)
    {
        Span<byte> digest = stackalloc byte[Size];
        hash.GetHashAndReset(digest);
        return new Digest(digest);
    }
}
