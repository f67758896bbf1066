namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>A supersession to send: <c>supersede(old, new, reason, effectiveAt)</c>.</summary>
/// <remarks>
/// Ready only once both notices' batches are mined. The submission names only the pair, so the reason and the
/// effective date are the worker's policy (for instance <see cref="RevocationReason.Other"/>, effective at
/// <see cref="NewNoticeAnchoredAt"/>); whatever it signs is persisted before broadcast, and the chain follower
/// records what the registry accepted. The proofs exist as soon as both notices are in batches (a batch's tree is
/// fixed when it is created), the anchoring time only once the new notice's batch is mined.
/// </remarks>
public sealed record SupersedeAction : ChainAction
{
    /// <summary>Describes a supersession.</summary>
    /// <exception cref="ArgumentNullException">A notice is null.</exception>
    public SupersedeAction(
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        NoticeInclusion oldNotice,
        NoticeInclusion newNotice,
        DateTimeOffset? newNoticeAnchoredAt)
        : base(id, authority, createdAt)
    {
        ArgumentNullException.ThrowIfNull(oldNotice);
        ArgumentNullException.ThrowIfNull(newNotice);
        OldNotice = oldNotice;
        NewNotice = newNotice;
        NewNoticeAnchoredAt = newNoticeAnchoredAt;
    }

    /// <inheritdoc />
    public override ChainActionKind Kind => ChainActionKind.Supersede;

    /// <summary>The notice being replaced, with its proof.</summary>
    public NoticeInclusion OldNotice { get; }

    /// <summary>The replacing notice, with its proof.</summary>
    public NoticeInclusion NewNotice { get; }

    /// <summary>The block time at which the replacing notice was anchored; null while its batch is not mined.</summary>
    public DateTimeOffset? NewNoticeAnchoredAt { get; }
}
