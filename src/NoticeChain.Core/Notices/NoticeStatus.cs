namespace NoticeChain.Core.Notices;

/// <summary>Where a notice stands: <c>pending</c> → <c>anchored</c> → optionally <c>revoked</c> or <c>superseded</c>.</summary>
/// <remarks>
/// There is no zero value, so a status that was never set cannot read as pending. A notice stays
/// <see cref="Pending"/> while it waits for a batch and while its batch's transaction waits to be mined; a reorg
/// that drops the block takes it back to pending. <see cref="Revoked"/> and <see cref="Superseded"/> come from
/// the registry's events as the chain follower indexed them, never from a request alone.
/// </remarks>
public enum NoticeStatus
{
    /// <summary>Durably accepted; its root is not (yet, or no longer) in a mined block.</summary>
    Pending = 1,

    /// <summary>Its root is anchored in a mined block; a receipt is available.</summary>
    Anchored = 2,

    /// <summary>The authority revoked it on chain.</summary>
    Revoked = 3,

    /// <summary>The authority replaced it on chain by another of its notices.</summary>
    Superseded = 4,
}
