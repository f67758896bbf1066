namespace NoticeChain.Core.Merkle;

/// <summary>The outcome of checking an <see cref="InclusionProof"/>, one value per failing step of RFC 9162,
/// section 2.1.3.2.</summary>
/// <remarks>
/// A value, not an exception, because a proof that does not verify is an expected answer when checking a
/// receipt someone handed in. The zero value is a failure, so a result that was never set cannot read as
/// verified.
/// </remarks>
public enum InclusionProofResult
{
    /// <summary>The path is well-formed but leads to a different root (step 5).</summary>
    RootMismatch = 0,

    /// <summary>The path leads from the leaf hash to the expected root.</summary>
    Verified = 1,

    /// <summary>The leaf index is not less than the tree size (step 1).</summary>
    LeafIndexOutOfRange = 2,

    /// <summary>The path has more elements than the tree has levels above the leaf (step 4a).</summary>
    PathTooLong = 3,

    /// <summary>The path ends below the root (step 5: <c>sn</c> is not zero).</summary>
    PathTooShort = 4,
}
