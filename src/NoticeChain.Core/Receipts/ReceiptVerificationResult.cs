namespace NoticeChain.Core.Receipts;

/// <summary>The outcome of checking a document's digest against a <see cref="Receipt"/> offline.</summary>
/// <remarks>
/// A value, not an exception: a receipt that does not match the document is an expected answer. The zero value
/// is a failure, so an unset result never reads as verified. <see cref="Verified"/> says only that the document
/// is a leaf of the tree with the receipt's root; whether that root is anchored, by whom, with which size, and
/// whether the notice was revoked or superseded is read from the chain (docs/receipt-format.md, section
/// "What the chain must confirm").
/// </remarks>
public enum ReceiptVerificationResult
{
    /// <summary>The audit path leads from the leaf to a different root: the receipt was altered.</summary>
    RootMismatch = 0,

    /// <summary>The document's leaf is in the tree with the receipt's root.</summary>
    Verified = 1,

    /// <summary>The document's digest is not the digest in the receipt: this receipt is for another document.</summary>
    DigestMismatch = 2,
}
