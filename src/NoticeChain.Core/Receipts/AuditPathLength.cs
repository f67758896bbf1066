namespace NoticeChain.Core.Receipts;

/// <summary>The number of hashes in the RFC 9162 audit path of a leaf, from its index and the tree size alone.</summary>
/// <remarks>
/// The length is fixed by the tree's shape: walking up from the leaf as in RFC 9162, section 2.1.3.2 (<c>fn</c>
/// the node's index on its level, <c>sn</c> the last index), a level contributes a sibling unless the node is
/// the last one of its level and a left child (<c>fn == sn</c> and even), in which case it is passed up whole.
/// A receipt whose path has another length can never verify, so the parser rejects it with a precise error
/// instead of a bare "does not verify".
/// </remarks>
internal static class AuditPathLength
{
    /// <summary>The path length for leaf <paramref name="leafIndex"/> of a tree of <paramref name="treeSize"/> leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below the size.</exception>
    public static int For(ulong leafIndex, ulong treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        var length = 0;
        var fn = leafIndex;
        var sn = treeSize - 1;
        while (sn != 0)
        {
            if ((fn & 1) == 1 || fn != sn)
            {
                length++;
            }

            fn >>= 1;
            sn >>= 1;
        }

        return length;
    }
}
