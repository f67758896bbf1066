using NoticeChain.Chain;
using NoticeChain.Chain.Events;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Verification;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Cli.Verification;

/// <summary>Gathers <see cref="ChainEvidence"/> for one receipt straight from the registry, with <c>eth_call</c> views and
/// <c>eth_getLogs</c>, all as of one block, so that the answer describes one consistent state of the chain.</summary>
/// <remarks>
/// <para>
/// The views give the facts (<c>getAnchor</c>, <c>getIssuer</c>, <c>getKey</c>, <c>getRevocation</c>,
/// <c>getSupersession</c>); the events give where they were recorded (transaction, block hash, log index), which the
/// views do not store. An anchor's block is in <c>getAnchor</c>; a revocation's or supersession's block is found by
/// its block time (a binary search over block timestamps, which never decrease), so no node's limit on the block
/// range of <c>eth_getLogs</c> is ever reached.
/// </para>
/// <para>
/// Whether the key was valid is read from <c>getKey</c>: the key must belong to the anchoring authority and its window
/// <c>validFrom ≤ anchoredAt ≤ validUntil</c> must hold, both ends inclusive, as in the contract: a rotation sets
/// <c>validUntil</c> to its block time, and an anchor mined earlier in the same second is legitimate.
/// </para>
/// </remarks>
internal sealed class RegistryEvidenceReader(EthRpcClient rpc, NoticeRegistryClient registry)
{
    /// <summary>The chain's facts about <paramref name="receipt"/>'s root and leaf as of <paramref name="head"/>.</summary>
    /// <exception cref="CliException">The registry's views and events contradict each other.</exception>
    public async Task<ChainEvidence> ReadAsync(Receipt receipt, ChainCursor head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(head);
        var at = BlockParameter.FromNumber(head.BlockNumber);
        var anchorInfo = await registry.GetAnchorAsync(receipt.Root, at, cancellationToken).ConfigureAwait(false);
        if (anchorInfo is null)
        {
            return new ChainEvidence(head, null, null, null, null, null, null);
        }

        var anchor = await AnchorFactAsync(anchorInfo, cancellationToken).ConfigureAwait(false);
        var issuer = await registry.GetIssuerAsync(anchorInfo.IssuerId, at, cancellationToken).ConfigureAwait(false);
        var key = await registry.GetKeyAsync(anchorInfo.Key, at, cancellationToken).ConfigureAwait(false);
        var keyValid = key is not null
            && key.IssuerId == anchorInfo.IssuerId
            && key.ValidFrom <= anchorInfo.AnchoredAt
            && (key.ValidUntil is not { } until || anchorInfo.AnchoredAt <= until);

        var revocation = await registry.GetRevocationAsync(anchorInfo.IssuerId, receipt.LeafHash, at, cancellationToken).ConfigureAwait(false);
        RevocationFact? revocationFact = null;
        if (revocation is not null)
        {
            var revoked = await FindLeafEventAsync<NoticeRevoked>(
                anchorInfo, receipt.LeafHash, revocation.RevokedAt, head, e => e.IssuerId == anchorInfo.IssuerId && e.Leaf == receipt.LeafHash, cancellationToken).ConfigureAwait(false);
            revocationFact = new RevocationFact(
                anchor.Authority, revoked.Leaf, revoked.Root, ChainValues.Reason(revoked.Reason), revoked.EffectiveAt, revoked.RevokedAt,
                PositionOf(revoked.Position));
        }

        var supersession = await registry.GetSupersessionAsync(anchorInfo.IssuerId, receipt.LeafHash, at, cancellationToken).ConfigureAwait(false);
        SupersessionFact? supersessionFact = null;
        AnchorFact? supersedingAnchor = null;
        if (supersession is not null)
        {
            var superseded = await FindLeafEventAsync<NoticeSuperseded>(
                anchorInfo, receipt.LeafHash, supersession.SupersededAt, head, e => e.IssuerId == anchorInfo.IssuerId && e.OldLeaf == receipt.LeafHash, cancellationToken).ConfigureAwait(false);
            supersessionFact = new SupersessionFact(
                anchor.Authority, superseded.OldLeaf, superseded.NewLeaf, superseded.OldRoot, superseded.NewRoot,
                ChainValues.Reason(superseded.Reason), superseded.EffectiveAt, superseded.SupersededAt, PositionOf(superseded.Position));
            var newAnchor = await registry.GetAnchorAsync(superseded.NewRoot, at, cancellationToken).ConfigureAwait(false);
            supersedingAnchor = newAnchor is null ? null : await AnchorFactAsync(newAnchor, cancellationToken).ConfigureAwait(false);
        }

        var authority = issuer is null
            ? null
            : new AuthorityRecord(
                ChainValues.Authority(issuer.IssuerId),
                issuer.Name,
                ChainValues.Address(issuer.CurrentKey),
                [.. issuer.Keys.Select(ChainValues.Address)],
                issuer.RegisteredAt,
                issuer.RetiredAt);
        return new ChainEvidence(head, anchor, authority, keyValid, revocationFact, supersessionFact, supersedingAnchor);
    }

    /// <summary>The anchor with the position of its <c>Anchored</c> event, which is in the block <c>getAnchor</c> names.</summary>
    private async Task<AnchorFact> AnchorFactAsync(AnchorInfo info, CancellationToken cancellationToken)
    {
        var events = await ReadLogsAsync(info.BlockNumber, info.BlockNumber, [ChainValues.Topic(info.Root.ToArray())], cancellationToken)
            .ConfigureAwait(false);
        var anchored = events.OfType<RootAnchored>().FirstOrDefault(e => e.Root == info.Root)
            ?? throw new CliException($"The registry says root {info.Root} was anchored in block {info.BlockNumber}, but the node has no Anchored event for it there.");
        return new AnchorFact(
            info.Root,
            ChainValues.Authority(info.IssuerId),
            ChainValues.Address(info.Key),
            info.Size,
            info.AnchoredAt,
            PositionOf(anchored.Position));
    }

    /// <summary>The revocation or supersession event of <paramref name="leaf"/> by the anchoring authority, found in the blocks
    /// whose time is <paramref name="blockTime"/> (between the anchor and the head).</summary>
    private async Task<TEvent> FindLeafEventAsync<TEvent>(
        AnchorInfo anchor, MerkleHash leaf, DateTimeOffset blockTime, ChainCursor head, Func<TEvent, bool> matches, CancellationToken cancellationToken)
        where TEvent : RegistryEvent
    {
        var first = await FirstBlockAsync(time => time >= blockTime, anchor.BlockNumber, head.BlockNumber, cancellationToken).ConfigureAwait(false);
        var afterLast = await FirstBlockAsync(time => time > blockTime, first, head.BlockNumber, cancellationToken).ConfigureAwait(false);
        if (first > head.BlockNumber || afterLast == first)
        {
            throw new CliException($"The registry records a {typeof(TEvent).Name} of leaf {leaf} at {blockTime:O}, but no block between the anchor and the head has that time.");
        }

        // Revoked(issuerId, leaf, root) and Superseded(issuerId, oldLeaf, newLeaf) both index the authority first and the leaf second.
        var events = await ReadLogsAsync(
            first,
            afterLast - 1,
            [ChainValues.Topic(anchor.IssuerId.ToArray()), ChainValues.Topic(leaf.ToArray())],
            cancellationToken).ConfigureAwait(false);
        return events.OfType<TEvent>().FirstOrDefault(matches)
            ?? throw new CliException($"The registry records a {typeof(TEvent).Name} of leaf {leaf} at {blockTime:O}, but the node has no such event in blocks {first} to {afterLast - 1}.");
    }

    /// <summary>The smallest block number in <paramref name="low"/>..<paramref name="high"/> whose time satisfies
    /// <paramref name="predicate"/> (monotonic in the time), or <paramref name="high"/> + 1 when none does.</summary>
    private async Task<ulong> FirstBlockAsync(Func<DateTimeOffset, bool> predicate, ulong low, ulong high, CancellationToken cancellationToken)
    {
        var lo = low;
        var hi = high + 1;
        while (lo < hi)
        {
            var middle = lo + ((hi - lo) / 2);
            var block = await rpc.GetBlockByNumberAsync(middle, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new CliException($"The node does not have block {middle}, below its own head {high}.");
            if (predicate(block.Time))
            {
                hi = middle;
            }
            else
            {
                lo = middle + 1;
            }
        }

        return lo;
    }

    private async Task<IReadOnlyList<RegistryEvent>> ReadLogsAsync(
        ulong fromBlock, ulong toBlock, IReadOnlyList<Hash32> indexedTopics, CancellationToken cancellationToken)
    {
        var topics = new List<IReadOnlyList<Hash32>?> { RegistryEventDecoder.EventTopics };
        topics.AddRange(indexedTopics.Select(topic => (IReadOnlyList<Hash32>?)[topic]));
        var filter = new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(fromBlock),
            ToBlock = BlockParameter.FromNumber(toBlock),
            Addresses = [registry.Address],
            Topics = topics,
        };
        var logs = await rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return [.. logs.Where(log => !log.Removed && log.Address == registry.Address).Select(RegistryEventDecoder.Decode)];
    }

    private static ChainEventPosition PositionOf(LogPosition position) =>
        new(position.BlockNumber, ChainValues.Hash(position.BlockHash), ChainValues.Hash(position.TransactionHash), checked((uint)position.LogIndex));
}
