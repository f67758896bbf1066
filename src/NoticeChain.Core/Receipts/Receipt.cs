using System.Diagnostics.CodeAnalysis;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Receipts;

/// <summary>
/// A notice's receipt, version 1: everything a third party needs, besides the document and read access to any
/// node, to prove that the document was anchored by its authority. The format is specified in
/// docs/receipt-format.md.
/// </summary>
/// <remarks>
/// <para>
/// Two halves. The document half (digest, salt, the RFC 9162 inclusion proof and the root) is checked offline
/// by <see cref="Verify"/>: the document's SHA-256 must equal the digest, and the leaf
/// <c>SHA-256(0x00 || salt || digest)</c> must lead along the audit path to the root. The chain half
/// (<see cref="Anchor"/>) says where the root was anchored; a verifier confirms it with the registry, never by
/// trusting the receipt or the operator.
/// </para>
/// <para>
/// A receipt is immutable and always well-formed: the constructor and the parser enforce the same rules (leaf
/// index below the tree size, an audit path of exactly the RFC 9162 length for that index and size, non-zero
/// chain values, integers a browser reads exactly). A receipt that parses but was tampered with fails
/// <see cref="Verify"/> or the chain check, never both silently.
/// </para>
/// </remarks>
public sealed class Receipt
{
    /// <summary>The format version this type reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Assembles a receipt, e.g. in the store from a mined batch.</summary>
    /// <param name="digest">The SHA-256 of the document.</param>
    /// <param name="salt">The notice's salt.</param>
    /// <param name="proof">The inclusion proof of the notice's leaf in its batch's tree.</param>
    /// <param name="root">The root of that tree, as anchored.</param>
    /// <param name="anchor">Where and by whom the root was anchored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="proof"/> or <paramref name="anchor"/> is null.</exception>
    /// <exception cref="ArgumentException">The proof's index, size or path length break the rules, or the root is zero.</exception>
    public Receipt(Digest digest, Salt salt, InclusionProof proof, MerkleHash root, ReceiptAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(anchor);
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckTreeSize(proof.TreeSize), nameof(proof));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckLeafIndex(proof.LeafIndex, proof.TreeSize), nameof(proof));
        ReceiptRules.ThrowIfFailed(
            ReceiptRules.CheckAuditPathLength(proof.LeafIndex, proof.TreeSize, proof.AuditPath.Count), nameof(proof));
        ReceiptRules.ThrowIfFailed(ReceiptRules.CheckNotZero(root == default, "root"), nameof(root));
        Digest = digest;
        Salt = salt;
        Proof = proof;
        Root = root;
        Anchor = anchor;
        LeafHash = MerkleLeaf.Hash(salt, digest);
    }

    /// <summary>The format version, always <see cref="CurrentVersion"/> for this type.</summary>
#pragma warning disable CA1822 // An instance property, because a receipt's version is a property of the receipt.
    public int Version => CurrentVersion;
#pragma warning restore CA1822

    /// <summary>The SHA-256 of the document the receipt is for.</summary>
    public Digest Digest { get; }

    /// <summary>The notice's salt, the other half of its leaf entry.</summary>
    public Salt Salt { get; }

    /// <summary>The leaf <c>SHA-256(0x00 || salt || digest)</c>: what the registry knows the notice by
    /// (<c>getRevocation(authority, leaf)</c>, <c>getSupersession(authority, leaf)</c>).</summary>
    public MerkleHash LeafHash { get; }

    /// <summary>The RFC 9162 inclusion proof: leaf index, tree size and audit path.</summary>
    public InclusionProof Proof { get; }

    /// <summary>The root of the batch's tree, as passed to <c>anchor(root, size)</c>.</summary>
    public MerkleHash Root { get; }

    /// <summary>Where and by whom the root was anchored.</summary>
    public ReceiptAnchor Anchor { get; }

    /// <summary>Checks offline that the document with <paramref name="documentDigest"/> is the leaf this receipt
    /// proves to be in the tree with <see cref="Root"/>.</summary>
    /// <remarks>
    /// Steps 1 to 3 of docs/receipt-format.md, "Verifying by hand": compare digests, recompute the leaf, follow
    /// the audit path (RFC 9162, section 2.1.3.2). The chain checks come after and are not done here, because the
    /// domain has no I/O.
    /// </remarks>
    public ReceiptVerificationResult Verify(Digest documentDigest)
    {
        if (documentDigest != Digest)
        {
            return ReceiptVerificationResult.DigestMismatch;
        }

        return Proof.Verify(MerkleLeaf.Hash(Salt, documentDigest), Root) == InclusionProofResult.Verified
            ? ReceiptVerificationResult.Verified
            : ReceiptVerificationResult.RootMismatch;
    }

    /// <summary>The receipt as compact UTF-8 JSON, version 1.</summary>
    public byte[] ToJsonUtf8Bytes() => ReceiptJson.Write(this);

    /// <summary>The receipt as compact JSON text, version 1.</summary>
    public string ToJson() => System.Text.Encoding.UTF8.GetString(ToJsonUtf8Bytes());

    /// <summary>Parses and validates a receipt's UTF-8 JSON.</summary>
    /// <exception cref="ReceiptFormatException">The JSON is malformed, of another version, or a value breaks a rule;
    /// <see cref="ReceiptFormatException.Field"/> names the field.</exception>
    public static Receipt Parse(ReadOnlySpan<byte> utf8Json) =>
        ReceiptJson.TryRead(utf8Json, out var receipt, out var error) ? receipt : throw error;

    /// <summary>Parses and validates a receipt's JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ReceiptFormatException">The JSON is malformed, of another version, or a value breaks a rule.</exception>
    public static Receipt Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses and validates a receipt's UTF-8 JSON; on failure <paramref name="error"/> says which field is
    /// wrong and why.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out Receipt? receipt,
        [NotNullWhen(false)] out ReceiptFormatException? error) =>
        ReceiptJson.TryRead(utf8Json, out receipt, out error);
}
