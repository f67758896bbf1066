namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>Something the anchoring worker must get mined on chain, signed with the authority's key.</summary>
/// <remarks>
/// <para>
/// Every change NoticeChain makes on chain is an action with the same life cycle: <b>ready</b> (no live
/// transaction), <b>in flight</b> (a signed transaction recorded, possibly replaced by higher-fee versions with
/// the same nonce), <b>mined</b>. A reorg takes a mined action back to in flight with the same bytes; a reverted
/// or abandoned transaction takes it back to ready. One life cycle for all three kinds means one nonce sequence
/// per key and one crash-recovery path.
/// </para>
/// <para>The concrete kinds carry exactly what their registry call needs: <see cref="AnchorAction"/>,
/// <see cref="RevokeAction"/>, <see cref="SupersedeAction"/>.</para>
/// </remarks>
public abstract record ChainAction
{
    /// <summary>Sets the common fields.</summary>
    protected ChainAction(ChainActionId id, AuthorityId authority, DateTimeOffset createdAt)
    {
        Id = id;
        Authority = authority;
        CreatedAt = createdAt;
    }

    /// <summary>The action's id.</summary>
    public ChainActionId Id { get; }

    /// <summary>The authority whose key must send it.</summary>
    public AuthorityId Authority { get; }

    /// <summary>When the store created it.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Which registry call it is.</summary>
    public abstract ChainActionKind Kind { get; }
}
