using NoticeChain.Core.Hashing;

namespace NoticeChain.Core.Notices;

/// <summary>A notice as an authority submits it: the document's digest, its own reference, and optionally the
/// notice it replaces.</summary>
/// <remarks>
/// The salt, id and acceptance time are not part of the submission: the store draws and stamps them when it
/// accepts the notice, so a client can neither choose a salt (and with it the leaf) nor backdate a notice.
/// </remarks>
public sealed record NewNotice
{
    /// <summary>Describes a submission.</summary>
    /// <param name="digest">The SHA-256 of the document.</param>
    /// <param name="reference">The authority's opaque reference (no personal data).</param>
    /// <param name="supersedes">The authority's earlier notice that this one replaces, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public NewNotice(Digest digest, NoticeReference reference, NoticeId? supersedes = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Digest = digest;
        Reference = reference;
        Supersedes = supersedes;
    }

    /// <summary>The SHA-256 of the document.</summary>
    public Digest Digest { get; }

    /// <summary>The authority's opaque reference.</summary>
    public NoticeReference Reference { get; }

    /// <summary>The authority's earlier notice that this one replaces, if any.</summary>
    /// <remarks>
    /// Once both notices are anchored, the anchoring worker calls the registry's <c>supersede</c> for the pair;
    /// until the chain follower has seen that, the old notice keeps its status.
    /// </remarks>
    public NoticeId? Supersedes { get; }
}
