using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices.Anchoring;
using CoreReason = NoticeChain.Core.Notices.RevocationReason;

namespace NoticeChain.Chain.Anchoring;

/// <summary>The call data of a chain action: <c>anchor</c>, <c>revoke</c> or <c>supersede</c>, encoded with the
/// registry's ABI (<see cref="NoticeRegistryAbi"/>).</summary>
/// <remarks>
/// The same encoding <see cref="NoticeRegistryClient"/> sends, from the store's domain types instead of the
/// binding's: the processor signs with its own nonces, so it needs the bytes, not a client that sends them.
/// </remarks>
internal static class RegistryCallData
{
    /// <summary>Encodes the registry call for <paramref name="action"/>.</summary>
    /// <param name="action">The action.</param>
    /// <param name="supersessionReason">The reason code signed for a supersession.</param>
    /// <exception cref="ArgumentException">The action is of an unknown kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A reason is undefined or a date lies before 1970.</exception>
    /// <remarks>The domain's <see cref="CoreReason"/> has the registry's numbers by design, so it converts by a cast.</remarks>
    public static byte[] For(ChainAction action, RevocationReason supersessionReason) => action switch
    {
        AnchorAction anchor => NoticeRegistryAbi.Anchor.EncodeCall(anchor.Root.ToArray(), anchor.TreeSize),
        RevokeAction revoke => NoticeRegistryAbi.Revoke.EncodeCall(
            revoke.Notice.Leaf.ToArray(),
            revoke.Notice.Root.ToArray(),
            revoke.Notice.Proof.LeafIndex,
            revoke.Notice.Proof.TreeSize,
            PathOf(revoke.Notice.Proof),
            ReasonCode((RevocationReason)revoke.Reason),
            UnixTime.ToSeconds(revoke.EffectiveAt, nameof(action))),
        SupersedeAction supersede => NoticeRegistryAbi.Supersede.EncodeCall(
            InclusionTuple(supersede.OldNotice),
            InclusionTuple(supersede.NewNotice),
            ReasonCode(supersessionReason),

            // Ready only once both batches are mined, so the anchoring time is known; the creation time is a
            // fallback for a store that describes the action earlier.
            UnixTime.ToSeconds(supersede.NewNoticeAnchoredAt ?? supersede.CreatedAt, nameof(action))),
        _ => throw new ArgumentException($"Unknown chain action kind {action.Kind}.", nameof(action)),
    };

    private static object?[] InclusionTuple(Core.Notices.Anchoring.NoticeInclusion notice) =>
        [notice.Leaf.ToArray(), notice.Root.ToArray(), notice.Proof.LeafIndex, notice.Proof.TreeSize, PathOf(notice.Proof)];

    private static object?[] PathOf(InclusionProof proof) => [.. proof.AuditPath.Select(hash => (object?)hash.ToArray())];

    private static byte ReasonCode(RevocationReason reason) =>
        Enum.IsDefined(reason)
            ? (byte)reason
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not one of the registry's reason codes.");
}
