using NoticeChain.Chain.Events;
using NoticeChain.Core.Notices.ChainIndex;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Following;

/// <summary>Indexes the registry's events into the store, so what the service reports about anchors, revocations,
/// supersessions and authorities comes from the chain (issue 4, item 7; decision 0012).</summary>
/// <remarks>
/// <para>
/// One <see cref="RunOnceAsync"/> is one pass: check that the stored cursor's block is still canonical and rewind
/// a fixed depth if not; then read from the block after the cursor up to the head minus the confirmations, at most
/// <see cref="RegistryFollowerOptions.BlocksPerPass"/> blocks, page by page, and apply each page's facts together
/// with the page's last block as the new cursor in one store transaction. The follower keeps no state between
/// passes: a new instance on the same store carries on where the last one stopped, and one on an empty store
/// replays the history from <see cref="RegistryFollowerOptions.StartBlock"/> and rebuilds the same index.
/// </para>
/// <para>
/// Only a node that cannot be reached or does not answer in time (<see cref="EthRpcTransportException"/>,
/// <see cref="EthRpcTimeoutException"/>) ends a pass quietly, in <see cref="FollowingPassResult.Interruption"/>;
/// anything else — a node error, a log that is not a registry event, a store failure — is thrown, because
/// indexing around it would make the index disagree with the chain.
/// </para>
/// </remarks>
public sealed class RegistryFollower
{
    private readonly IChainIndexStore _store;
    private readonly EthRpcClient _rpc;
    private readonly RegistryFollowerOptions _options;
    private readonly RegistryEventReader _reader;

    /// <summary>Creates a follower that reads through <paramref name="rpc"/> and writes to <paramref name="store"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options cannot work, see <see cref="RegistryFollowerOptions"/>.</exception>
    public RegistryFollower(IChainIndexStore store, EthRpcClient rpc, RegistryFollowerOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _rpc = rpc;
        _options = options;
        _reader = new RegistryEventReader(rpc, options.Registry, options.BlocksPerPage);
    }

    /// <summary>The options the follower runs with.</summary>
    public RegistryFollowerOptions Options => _options;

    /// <summary>Runs one pass: detect a reorg, then index up to <see cref="RegistryFollowerOptions.BlocksPerPass"/> blocks.</summary>
    /// <exception cref="EthRpcException">The node refused a request.</exception>
    /// <exception cref="Ethereum.Abi.AbiException">The node answered a log that is not a well-formed registry event.</exception>
    public async Task<FollowingPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var result = new FollowingPassResult();
        try
        {
            await PassAsync(result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is EthRpcTransportException or EthRpcTimeoutException)
        {
            result.Interruption = exception;
        }

        result.Cursor = await _store.GetCursorAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs passes until one catches up with the head, or is interrupted; returns the last pass.</summary>
    /// <remarks>For a rebuild: a follower on an empty store replays the whole history in as many passes as it takes.</remarks>
    /// <exception cref="EthRpcException">The node refused a request.</exception>
    /// <exception cref="Ethereum.Abi.AbiException">The node answered a log that is not a well-formed registry event.</exception>
    public async Task<FollowingPassResult> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            if (result.CaughtUp || !result.Completed)
            {
                return result;
            }
        }
    }

    private async Task PassAsync(FollowingPassResult result, CancellationToken cancellationToken)
    {
        var head = await _rpc.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
        var cursor = await _store.GetCursorAsync(cancellationToken).ConfigureAwait(false);
        if (cursor is not null && !await IsCanonicalAsync(cursor, cancellationToken).ConfigureAwait(false))
        {
            cursor = await RewindAsync(cursor, head, cancellationToken).ConfigureAwait(false);
            if (cursor is null)
            {
                result.ChainMovedDuringRead = true;
                return;
            }

            result.RewoundTo = cursor.BlockNumber;
        }

        if (head < _options.Confirmations)
        {
            result.CaughtUp = true;
            return;
        }

        var safeHead = head - _options.Confirmations;
        var from = cursor is null ? _options.StartBlock : cursor.BlockNumber + 1;
        if (from > safeHead)
        {
            result.CaughtUp = true;
            return;
        }

        var to = safeHead - from < _options.BlocksPerPass ? safeHead : from + _options.BlocksPerPass - 1;
        for (var pageFrom = from; pageFrom <= to;)
        {
            var pageTo = to - pageFrom < _options.BlocksPerPage ? to : pageFrom + _options.BlocksPerPage - 1;
            if (!await ApplyPageAsync(result, pageFrom, pageTo, cancellationToken).ConfigureAwait(false))
            {
                result.ChainMovedDuringRead = !result.OvertakenByAnotherFollower;
                return;
            }

            pageFrom = pageTo + 1;
        }

        result.CaughtUp = to == safeHead;
    }

    /// <summary>Reads one page and applies it with its last block as the cursor; false when that block changed meanwhile.</summary>
    /// <remarks>
    /// The last block's hash is read before and after the logs: a reorg of any block of the page changes the hash of
    /// every later block, so equal hashes mean the logs came from the chain the cursor names.
    /// </remarks>
    private async Task<bool> ApplyPageAsync(FollowingPassResult result, ulong fromBlock, ulong toBlock, CancellationToken cancellationToken)
    {
        var before = await GetBlockAsync(toBlock, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return false;
        }

        var events = await _reader.ReadAsync(fromBlock, toBlock, cancellationToken).ConfigureAwait(false);
        var blockTimes = new Dictionary<ulong, DateTimeOffset>();
        foreach (var registryEvent in events.Where(RegistryFacts.NeedsBlockTime))
        {
            var number = registryEvent.Position.BlockNumber;
            if (!blockTimes.ContainsKey(number))
            {
                var block = await GetBlockAsync(number, cancellationToken).ConfigureAwait(false);
                if (block is null)
                {
                    return false;
                }

                blockTimes[number] = block.Time;
            }
        }

        var after = await GetBlockAsync(toBlock, cancellationToken).ConfigureAwait(false);
        if (after is null || after.Hash != before.Hash)
        {
            return false;
        }

        try
        {
            await _store.ApplyAsync(RegistryFacts.From(events, blockTimes), new ChainCursor(toBlock, RegistryFacts.HashOf(after.Hash)), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Another follower on the same database (another API instance) indexed this height or beyond while the page
            // was read: nothing was applied; the next pass starts from its cursor (decision 0016). Anything else is thrown.
            if (await _store.GetCursorAsync(cancellationToken).ConfigureAwait(false) is not { } stored || stored.BlockNumber < toBlock)
            {
                throw;
            }

            result.OvertakenByAnotherFollower = true;
            return false;
        }

        result.PagesApplied++;
        result.EventsIndexed += events.Count(RegistryFacts.IsIndexed);
        return true;
    }

    private async Task<bool> IsCanonicalAsync(ChainCursor cursor, CancellationToken cancellationToken)
    {
        var block = await GetBlockAsync(cursor.BlockNumber, cancellationToken).ConfigureAwait(false);
        return block is not null && RegistryFacts.HashOf(block.Hash) == cursor.BlockHash;
    }

    /// <summary>Steps back <see cref="RegistryFollowerOptions.ReorgDepth"/> blocks (not above the head, nor below the block
    /// before <see cref="RegistryFollowerOptions.StartBlock"/>) and drops every fact above; null when the chain shrank
    /// below the target meanwhile.</summary>
    private async Task<ChainCursor?> RewindAsync(ChainCursor stale, ulong head, CancellationToken cancellationToken)
    {
        var target = stale.BlockNumber > _options.ReorgDepth ? stale.BlockNumber - _options.ReorgDepth : 0;
        var beforeStart = _options.StartBlock > 0 ? _options.StartBlock - 1 : 0;
        target = Math.Min(Math.Max(target, beforeStart), head);
        var block = await GetBlockAsync(target, cancellationToken).ConfigureAwait(false);
        if (block is null)
        {
            return null;
        }

        var cursor = new ChainCursor(target, RegistryFacts.HashOf(block.Hash));
        await _store.RewindAsync(cursor, cancellationToken).ConfigureAwait(false);
        return cursor;
    }

    /// <summary>The block at <paramref name="number"/>, or null when the chain is (no longer) that long.</summary>
    private Task<Block?> GetBlockAsync(ulong number, CancellationToken cancellationToken) =>
        _rpc.GetBlockByNumberAsync(BlockParameter.FromNumber(number), cancellationToken: cancellationToken);
}
