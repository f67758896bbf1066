using NoticeChain.Core.Merkle;

namespace NoticeChain.Chain;

/// <summary>A supersession as the registry holds it (<c>getSupersession</c>).</summary>
/// <param name="IssuerId">The authority that replaced (and anchored) both notices.</param>
/// <param name="OldLeaf">The replaced notice's leaf hash.</param>
/// <param name="NewLeaf">The replacing notice's leaf hash.</param>
/// <param name="NewRoot">The anchored root that contains the replacement.</param>
/// <param name="Reason">Why the notice was replaced.</param>
/// <param name="EffectiveAt">When the replacement takes legal effect, as the authority declared it.</param>
/// <param name="SupersededAt">Block time of the superseding transaction.</param>
public sealed record SupersessionInfo(
    IssuerId IssuerId,
    MerkleHash OldLeaf,
    MerkleHash NewLeaf,
    MerkleHash NewRoot,
    RevocationReason Reason,
    DateTimeOffset EffectiveAt,
    DateTimeOffset SupersededAt);
