using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Anchoring;

// Step 3 of a pass: re-check recently mined actions against the canonical chain.
public sealed partial class AnchorBatchProcessor
{
    /// <summary>Takes back to in flight every action mined in the last <see cref="AnchoringOptions.ReorgDepth"/> blocks
    /// whose block is no longer the canonical block at its height (or whose height no longer exists).</summary>
    /// <remarks>
    /// The store keeps the transaction and its bytes (decision 0011): the in-flight step of the same pass then
    /// finds it mined again in the new chain, or broadcasts the identical bytes, which are valid again because the
    /// reorg also undid the nonce. Only if something else took the nonce in the new chain is the transaction
    /// abandoned and the batch signed anew, with the same root, so every receipt handed out stays valid.
    /// </remarks>
    private async Task CheckReorgsAsync(Pass pass, CancellationToken cancellationToken)
    {
        var head = await _rpc.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
        var from = head > _options.ReorgDepth ? head - _options.ReorgDepth : 0;
        var mined = (await _store.ListMinedAsync(from, cancellationToken).ConfigureAwait(false))
            .Where(action => Holds(action.Authority))
            .ToList();
        if (mined.Count == 0)
        {
            return;
        }

        var canonical = new Dictionary<ulong, Block?>();
        foreach (var chunk in mined.Select(action => action.Transaction.BlockNumber).Distinct().Chunk(MaxCallsPerBatch))
        {
            var batch = new EthRpcBatch();
            var items = chunk.Select(number => batch.Add(EthCalls.GetBlockByNumber(BlockParameter.FromNumber(number), fullTransactions: false))).ToList();
            await _rpc.SendBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                canonical[chunk[i]] = items[i].Value;
            }
        }

        foreach (var action in mined)
        {
            var block = canonical[action.Transaction.BlockNumber];
            if (block is not null && DomainValues.ToChainHash(block.Hash) == action.Transaction.BlockHash)
            {
                continue;
            }

            if (await _store.UnmineAsync(action.Action, cancellationToken).ConfigureAwait(false))
            {
                pass.Result.Unmined++;
                Report(
                    AnchoringEventKind.ActionUnmined,
                    action.Action,
                    action.Authority,
                    action.Transaction.TransactionHash,
                    $"block {action.Transaction.BlockNumber} {action.Transaction.BlockHash} is no longer canonical");
            }
        }
    }
}
