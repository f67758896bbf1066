using NoticeChain.Chain.Events;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using DomainReason = NoticeChain.Core.Notices.RevocationReason;

namespace NoticeChain.Chain.Following;

/// <summary>Maps the registry's typed events to the store's facts (<see cref="ChainFacts"/>).</summary>
/// <remarks>
/// The chain binding and the domain keep their own value types (<see cref="IssuerId"/> and <see cref="AuthorityId"/>,
/// <see cref="Hash32"/> and <see cref="ChainHash"/>, …) holding the same bytes, so every conversion is a byte copy.
/// Governance transfers are left out: the store indexes what receipts and verification report, and governance is
/// read from the contract when needed.
/// </remarks>
internal static class RegistryFacts
{
    /// <summary>The facts of <paramref name="events"/>, in chain order.</summary>
    /// <param name="events">The events of one page, ordered by block and log index.</param>
    /// <param name="blockTimes">The time of every block that holds an authority event, which the events do not carry.</param>
    public static ChainFacts From(IReadOnlyList<RegistryEvent> events, IReadOnlyDictionary<ulong, DateTimeOffset> blockTimes)
    {
        var anchors = new List<AnchorFact>();
        var revocations = new List<RevocationFact>();
        var supersessions = new List<SupersessionFact>();
        var authorityEvents = new List<AuthorityEvent>();
        foreach (var registryEvent in events)
        {
            var position = PositionOf(registryEvent.Position);
            switch (registryEvent)
            {
                case RootAnchored anchored:
                    anchors.Add(new AnchorFact(
                        anchored.Root, AuthorityOf(anchored.IssuerId), AddressOf(anchored.Key), anchored.Size, anchored.AnchoredAt, position));
                    break;
                case NoticeRevoked revoked:
                    revocations.Add(new RevocationFact(
                        AuthorityOf(revoked.IssuerId), revoked.Leaf, revoked.Root, ReasonOf(revoked.Reason),
                        revoked.EffectiveAt, revoked.RevokedAt, position));
                    break;
                case NoticeSuperseded superseded:
                    supersessions.Add(new SupersessionFact(
                        AuthorityOf(superseded.IssuerId), superseded.OldLeaf, superseded.NewLeaf, superseded.OldRoot, superseded.NewRoot,
                        ReasonOf(superseded.Reason), superseded.EffectiveAt, superseded.SupersededAt, position));
                    break;
                case IssuerRegistered registered:
                    authorityEvents.Add(new AuthorityEvent(
                        AuthorityEventKind.Registered, AuthorityOf(registered.IssuerId), AddressOf(registered.Key), registered.Name,
                        blockTimes[position.BlockNumber], position));
                    break;
                case IssuerKeyRotated rotated:
                    authorityEvents.Add(new AuthorityEvent(
                        AuthorityEventKind.KeyRotated, AuthorityOf(rotated.IssuerId), AddressOf(rotated.NewKey), null,
                        blockTimes[position.BlockNumber], position));
                    break;
                case IssuerRetired retired:
                    authorityEvents.Add(new AuthorityEvent(
                        AuthorityEventKind.Retired, AuthorityOf(retired.IssuerId), AddressOf(retired.LastKey), null,
                        blockTimes[position.BlockNumber], position));
                    break;
                default:
                    break;
            }
        }

        return new ChainFacts { Anchors = anchors, Revocations = revocations, Supersessions = supersessions, AuthorityEvents = authorityEvents };
    }

    /// <summary>Whether the store keeps a fact of <paramref name="registryEvent"/>.</summary>
    public static bool IsIndexed(RegistryEvent registryEvent) =>
        registryEvent is not (GovernanceTransferStarted or GovernanceTransferred);

    /// <summary>Whether <paramref name="registryEvent"/> needs its block's time, which the event does not carry.</summary>
    public static bool NeedsBlockTime(RegistryEvent registryEvent) =>
        registryEvent is IssuerRegistered or IssuerKeyRotated or IssuerRetired;

    /// <summary>The domain's copy of a block or transaction hash.</summary>
    public static ChainHash HashOf(Hash32 hash) => DomainValues.ToChainHash(hash);

    private static ChainEventPosition PositionOf(LogPosition position) =>
        new(position.BlockNumber, HashOf(position.BlockHash), HashOf(position.TransactionHash), checked((uint)position.LogIndex));

    private static AuthorityId AuthorityOf(IssuerId issuerId) => DomainValues.ToAuthorityId(issuerId);

    private static ChainAddress AddressOf(Address address) => DomainValues.ToChainAddress(address);

    /// <remarks>Both enums carry the contract's <c>uint8</c> codes, so the cast keeps the meaning.</remarks>
    private static DomainReason ReasonOf(RevocationReason reason) => (DomainReason)(int)reason;
}
