using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Notices.ChainIndex;

/// <summary>The store as the chain follower and the verify API use it: registry facts indexed from the chain.</summary>
/// <remarks>
/// <para>
/// What the service reports about anchors, revocations, supersessions and authorities comes from here, and this
/// comes only from the registry's events: the store is a cache of the chain, never an authority of its own. A
/// notice's <see cref="NoticeStatus.Revoked"/> and <see cref="NoticeStatus.Superseded"/> are derived from these
/// facts by leaf hash.
/// </para>
/// <para>
/// The follower reads a range of blocks, then applies everything it found together with the new cursor in one
/// transaction (<see cref="ApplyAsync"/>), so a crash never leaves facts without the cursor that covers them or
/// the reverse. Facts are upserted by their natural key (a root; an authority and a leaf; a block and log index),
/// so applying a range twice changes nothing. On a reorg, <see cref="RewindAsync"/> drops every fact from the
/// abandoned blocks before the follower reads the new ones.
/// </para>
/// </remarks>
public interface IChainIndexStore
{
    /// <summary>The last block fully indexed, or null before the first <see cref="ApplyAsync"/>.</summary>
    Task<ChainCursor?> GetCursorAsync(CancellationToken cancellationToken = default);

    /// <summary>Upserts <paramref name="facts"/> and moves the cursor to <paramref name="cursor"/>, atomically.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// The cursor would move backwards, or to another block at the same number: that is a reorg, and the follower
    /// must call <see cref="RewindAsync"/> first.
    /// </exception>
    Task ApplyAsync(ChainFacts facts, ChainCursor cursor, CancellationToken cancellationToken = default);

    /// <summary>Drops every fact found in a block above <paramref name="cursor"/>'s number and sets the cursor to it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="cursor"/> is null.</exception>
    Task RewindAsync(ChainCursor cursor, CancellationToken cancellationToken = default);

    /// <summary>The anchor of <paramref name="root"/>, or null if the registry never anchored it.</summary>
    Task<AnchorFact?> GetAnchorAsync(MerkleHash root, CancellationToken cancellationToken = default);

    /// <summary>The revocation of <paramref name="leaf"/> by <paramref name="authority"/>, or null.</summary>
    Task<RevocationFact?> GetRevocationAsync(AuthorityId authority, MerkleHash leaf, CancellationToken cancellationToken = default);

    /// <summary>The supersession of <paramref name="oldLeaf"/> by <paramref name="authority"/>, or null.</summary>
    Task<SupersessionFact?> GetSupersessionAsync(AuthorityId authority, MerkleHash oldLeaf, CancellationToken cancellationToken = default);

    /// <summary>The authority as its governance events describe it, or null if it was never registered.</summary>
    Task<AuthorityRecord?> GetAuthorityAsync(AuthorityId authority, CancellationToken cancellationToken = default);
}
