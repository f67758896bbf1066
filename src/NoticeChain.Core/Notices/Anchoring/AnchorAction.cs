using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>A batch: the tree over some of an authority's pending notices, whose root is to be anchored.</summary>
/// <remarks>
/// The tree is fixed when the batch is created and never changes, not even when a reorg un-mines it: the same
/// root is anchored again, so receipts handed out before the reorg stay valid once it is mined again.
/// </remarks>
public sealed record AnchorAction : ChainAction
{
    /// <summary>Describes a batch.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="notices"/> is null.</exception>
    public AnchorAction(
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        MerkleHash root,
        ulong treeSize,
        IReadOnlyList<NoticeId> notices)
        : base(id, authority, createdAt)
    {
        ArgumentNullException.ThrowIfNull(notices);
        Root = root;
        TreeSize = treeSize;
        Notices = notices;
    }

    /// <inheritdoc />
    public override ChainActionKind Kind => ChainActionKind.Anchor;

    /// <summary>The root for <c>anchor(root, size)</c>.</summary>
    public MerkleHash Root { get; }

    /// <summary>The size for <c>anchor(root, size)</c>.</summary>
    public ulong TreeSize { get; }

    /// <summary>The batch's notices in leaf order: notice <c>i</c> is leaf <c>i</c>.</summary>
    public IReadOnlyList<NoticeId> Notices { get; }
}
