namespace NoticeChain.Core.Notices.Anchoring;

/// <summary>A revocation to send: <c>revoke(leaf, root, index, size, path, reason, effectiveAt)</c>.</summary>
/// <remarks>Ready only once the notice's batch is mined, because the registry checks the proof against an
/// anchored root.</remarks>
public sealed record RevokeAction : ChainAction
{
    /// <summary>Describes a revocation.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="notice"/> is null.</exception>
    public RevokeAction(
        ChainActionId id,
        AuthorityId authority,
        DateTimeOffset createdAt,
        NoticeInclusion notice,
        RevocationReason reason,
        DateTimeOffset effectiveAt)
        : base(id, authority, createdAt)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Notice = notice;
        Reason = reason;
        EffectiveAt = effectiveAt;
    }

    /// <inheritdoc />
    public override ChainActionKind Kind => ChainActionKind.Revoke;

    /// <summary>The notice to revoke, with its proof.</summary>
    public NoticeInclusion Notice { get; }

    /// <summary>Why.</summary>
    public RevocationReason Reason { get; }

    /// <summary>When it takes legal effect (whole seconds).</summary>
    public DateTimeOffset EffectiveAt { get; }
}
