using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Chain.Following;

/// <summary>What one pass of the <see cref="RegistryFollower"/> did.</summary>
/// <remarks>
/// An unreachable node is not a failure to throw: the pass ends with <see cref="Interruption"/> set, every page
/// applied so far stays in the store, and the next pass carries on from the stored cursor.
/// </remarks>
public sealed class FollowingPassResult
{
    /// <summary>The block the follower rewound to because the cursor's block was no longer canonical, or null.</summary>
    public ulong? RewoundTo { get; internal set; }

    /// <summary>Pages applied to the store, each with its cursor.</summary>
    public int PagesApplied { get; internal set; }

    /// <summary>Registry events indexed (governance transfers, which the store does not keep, are not counted).</summary>
    public int EventsIndexed { get; internal set; }

    /// <summary>The stored cursor after the pass, or null when nothing was ever applied.</summary>
    public ChainCursor? Cursor { get; internal set; }

    /// <summary>True when the pass stopped without applying a page because the chain changed under it: the page's last
    /// block got another hash while the page was read, or a block the pass needed no longer exists.</summary>
    /// <remarks>The logs may then mix two forks; the next pass sees the reorg at the cursor or reads the page again.</remarks>
    public bool ChainMovedDuringRead { get; internal set; }

    /// <summary>True when the pass stopped because another follower on the same database had indexed the page's last
    /// block (or beyond) meanwhile; nothing of the page was applied, and the next pass carries on from that cursor.</summary>
    public bool OvertakenByAnotherFollower { get; internal set; }

    /// <summary>True when the cursor reached the highest block the follower may index (head minus confirmations).</summary>
    public bool CaughtUp { get; internal set; }

    /// <summary>The transient node failure that ended the pass early, or null when the pass ran to the end.</summary>
    public Exception? Interruption { get; internal set; }

    /// <summary>True when the pass ran to the end.</summary>
    public bool Completed => Interruption is null;
}
