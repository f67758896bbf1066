using NoticeChain.Chain.Transactions;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Chain.Anchoring;

// Step 4 of a pass: watch in-flight transactions: record receipts, rebroadcast, replace what is stuck.
public sealed partial class AnchorBatchProcessor
{
    /// <summary>Nodes cap batch sizes (Geth at 1,000 calls); receipts and blocks are asked for in chunks below that.</summary>
    private const int MaxCallsPerBatch = 500;

    /// <summary>For each live transaction, in sender and nonce order: record it mined or reverted when any of its
    /// versions has a receipt; otherwise replace it when it waited too long, or broadcast it again.</summary>
    private async Task WatchInFlightAsync(Pass pass, CancellationToken cancellationToken)
    {
        var inFlight = (await _store.ListInFlightAsync(cancellationToken).ConfigureAwait(false))
            .Where(transaction => Holds(transaction.Authority))
            .ToList();
        if (inFlight.Count == 0)
        {
            return;
        }

        var receipts = await FetchReceiptsAsync(inFlight.SelectMany(Versions), cancellationToken).ConfigureAwait(false);
        var blocks = await FetchBlocksAsync(receipts.Values.Select(receipt => receipt.BlockHash), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        foreach (var transaction in inFlight)
        {
            if (Versions(transaction).Select(receipts.GetValueOrDefault).FirstOrDefault(receipt => receipt is not null) is { } receipt)
            {
                // A block the node no longer knows was reorged away since the receipt was read: look again next pass.
                if (blocks.GetValueOrDefault(receipt.BlockHash) is { } block)
                {
                    await ConfirmAsync(pass, transaction, receipt, block, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (now - transaction.SentAt >= _options.ReplaceAfter
                && await ReplaceAsync(pass, transaction, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await RebroadcastAsync(pass, transaction, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<ChainHash> Versions(InFlightTransaction transaction) =>
        [transaction.Transaction.Hash, .. transaction.ReplacedHashes];

    /// <summary>Records a receipt: mined and succeeded, or mined and reverted (the action then gets a new transaction).</summary>
    private async Task ConfirmAsync(
        Pass pass,
        InFlightTransaction transaction,
        TransactionReceipt receipt,
        Block block,
        CancellationToken cancellationToken)
    {
        var mined = new MinedTransaction(
            DomainValues.ToChainHash(receipt.TransactionHash),
            receipt.BlockNumber,
            DomainValues.ToChainHash(receipt.BlockHash),
            block.Time);
        var outcome = receipt.Succeeded
            ? await _store.MarkMinedAsync(transaction.Action, mined, cancellationToken).ConfigureAwait(false)
            : await _store.MarkRevertedAsync(transaction.Action, mined, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case ConfirmationOutcome.Marked when receipt.Succeeded:
                pass.Result.Mined++;
                Report(AnchoringEventKind.TransactionMined, transaction.Action, transaction.Authority, mined.TransactionHash, $"block {mined.BlockNumber}");
                break;
            case ConfirmationOutcome.Marked:
                pass.Result.Reverted++;
                Report(AnchoringEventKind.TransactionReverted, transaction.Action, transaction.Authority, mined.TransactionHash, $"block {mined.BlockNumber}");
                break;
            case ConfirmationOutcome.AlreadyMarked:
                break;
            default:
                Report(
                    AnchoringEventKind.StoreConflict,
                    transaction.Action,
                    transaction.Authority,
                    mined.TransactionHash,
                    $"Recording the receipt answered {outcome}.");
                break;
        }
    }

    /// <summary>Replaces a stuck transaction by a version with the same nonce, gas and call, and higher fees
    /// (<see cref="FeePricing.Replacement"/>), records it as the live version and broadcasts it.</summary>
    /// <returns>False when it cannot be replaced now (no key, fee cap reached, a free network with nothing to bump);
    /// the caller then rebroadcasts it.</returns>
    private async Task<bool> ReplaceAsync(Pass pass, InFlightTransaction inFlight, CancellationToken cancellationToken)
    {
        var current = inFlight.Transaction;
        if (_keyring.FindKey(inFlight.Authority) is not { } key || DomainValues.ToChainAddress(key.Address) != current.Sender)
        {
            // After a key rotation the old key is gone: the transaction can still be mined, just not repriced.
            Report(AnchoringEventKind.KeyMissing, inFlight.Action, inFlight.Authority, current.Hash, "No key for the sender of a stuck transaction.");
            return false;
        }

        var stuck = SignedTransaction.Decode(current.RawTransaction.Span).Transaction;
        var market = await MarketFeesAsync(pass, key, cancellationToken).ConfigureAwait(false);
        if (FeePricing.Replacement(TransactionFees.Of(stuck), market) is not { } fees)
        {
            // A free network (fee mode free): nothing to bump, so the identical bytes are broadcast again (decision 0018).
            return false;
        }

        if (fees.MaxFeePerGas > _options.Transactions.MaxFeePerGasCap)
        {
            Report(
                AnchoringEventKind.FeeCapReached,
                inFlight.Action,
                inFlight.Authority,
                current.Hash,
                $"A replacement would offer {fees.MaxFeePerGas} wei per gas, above the cap of {_options.Transactions.MaxFeePerGasCap}.");
            return false;
        }

        var replacement = Sign(fees.Reprice(stuck), key);
        var outcome = await _store.ReplaceTransactionAsync(inFlight.Action, current.Hash, replacement, cancellationToken).ConfigureAwait(false);
        if (outcome is not (TransactionReplaceOutcome.Replaced or TransactionReplaceOutcome.AlreadyReplaced))
        {
            Report(AnchoringEventKind.StoreConflict, inFlight.Action, inFlight.Authority, current.Hash, $"Replacing the transaction answered {outcome}.");
            return true;
        }

        pass.Result.Replacements++;
        Report(
            AnchoringEventKind.TransactionReplaced,
            inFlight.Action,
            inFlight.Authority,
            replacement.Hash,
            $"replaces {current.Hash}, nonce {replacement.Nonce}, max fee {fees.MaxFeePerGas}, tip {fees.MaxPriorityFeePerGas}");
        await BroadcastAsync(
            pass,
            inFlight.Action,
            inFlight.Authority,
            replacement,
            [replacement.Hash, current.Hash, .. inFlight.ReplacedHashes],
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The receipts of the mined ones among <paramref name="hashes"/>, by hash, asked for in batches.</summary>
    /// <exception cref="EthRpcClientException">The node failed a call of the batch.</exception>
    private async Task<Dictionary<ChainHash, TransactionReceipt>> FetchReceiptsAsync(
        IEnumerable<ChainHash> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ChainHash, TransactionReceipt>();
        foreach (var chunk in hashes.Distinct().Chunk(MaxCallsPerBatch))
        {
            var items = await _rpc.GetTransactionReceiptsAsync(chunk.Select(DomainValues.ToHash32), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (items[i].Value is { } receipt)
                {
                    found[chunk[i]] = receipt;
                }
            }
        }

        return found;
    }

    /// <summary>The blocks with <paramref name="hashes"/> (for their timestamps); null for a block the node does not know.</summary>
    private async Task<Dictionary<Hash32, Block?>> FetchBlocksAsync(IEnumerable<Hash32> hashes, CancellationToken cancellationToken)
    {
        var blocks = new Dictionary<Hash32, Block?>();
        foreach (var chunk in hashes.Distinct().Chunk(MaxCallsPerBatch))
        {
            var batch = new EthRpcBatch();
            var items = chunk.Select(hash => batch.Add(EthCalls.GetBlockByHash(hash, fullTransactions: false))).ToList();
            await _rpc.SendBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                blocks[chunk[i]] = items[i].Value;
            }
        }

        return blocks;
    }
}
