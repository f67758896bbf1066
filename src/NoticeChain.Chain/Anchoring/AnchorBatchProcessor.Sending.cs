using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.Anchoring;
using NoticeChain.Core.Receipts;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Anchoring;

// Step 5 of a pass: sign, record and broadcast a transaction for each ready action; and broadcasting in general.
public sealed partial class AnchorBatchProcessor
{
    private enum BroadcastOutcome
    {
        /// <summary>The node took it, or had it already.</summary>
        Accepted,

        /// <summary>Its nonce is used on chain: by one of its own versions (confirmed in a later pass), or by another
        /// transaction (it was abandoned and the action is ready again).</summary>
        NonceTaken,

        /// <summary>The node refused it for another reason; it stays in flight and is tried again.</summary>
        Refused,
    }

    /// <summary>Sends each keyring authority's ready actions, oldest first, with consecutive nonces from the store.</summary>
    /// <remarks>
    /// Listed per authority, so that one authority whose actions the registry refuses cannot fill the pass and
    /// starve the others. An authority whose transaction the node refuses gets nothing more this pass: later nonces
    /// would only queue behind the refused one. An action the registry would revert (its gas estimate fails, e.g.
    /// for a key not registered yet) is reported and left ready; signing it would spend a nonce and gas on a certain
    /// revert. Authorities without a key are reported when their batches close.
    /// </remarks>
    private async Task SendReadyActionsAsync(Pass pass, CancellationToken cancellationToken)
    {
        foreach (var authority in _keyring.Authorities)
        {
            if (!MaySign(authority) || _keyring.FindKey(authority) is not { } key)
            {
                continue;
            }

            var ready = await _store.ListReadyActionsAsync(authority, _options.MaxActionsPerAuthority, cancellationToken).ConfigureAwait(false);
            foreach (var action in ready)
            {
                if (!MaySign(authority) || !await SendAsync(pass, action, key, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Signs, records and broadcasts one action's transaction; false when the authority's turn should end.</summary>
    private async Task<bool> SendAsync(Pass pass, ChainAction action, PrivateKey key, CancellationToken cancellationToken)
    {
        var data = RegistryCallData.For(action, _options.SupersessionReason);
        ulong gas;
        try
        {
            gas = await _rpc.EstimateGasAsync(
                new CallRequest { From = key.Address, To = _options.Registry, Data = data }, cancellationToken).ConfigureAwait(false);
        }
        catch (EthRpcException error) when (!NodeErrors.IsTransient(error))
        {
            // The registry's custom error when it reverts (UnknownKey, IssuerIsRetired, ...), else the node's message.
            Exception refusal = NodeErrors.IsRevert(error)
                ? RegistryRevertException.FromRevertData(error.DataBytes ?? ReadOnlyMemory<byte>.Empty, error)
                : error;
            pass.Result.Refused++;
            Report(
                AnchoringEventKind.ActionRefused,
                action.Id,
                action.Authority,
                detail: (refusal as RegistryRevertException)?.ErrorName ?? refusal.Message,
                exception: refusal);
            return true;
        }

        var fees = await MarketFeesAsync(pass, key, cancellationToken).ConfigureAwait(false);
        var sender = DomainValues.ToChainAddress(key.Address);
        var transaction = Sign(
            fees.CreateTransaction(
                await ChainIdAsync(cancellationToken).ConfigureAwait(false),
                await _store.GetNextNonceAsync(sender, cancellationToken).ConfigureAwait(false),
                checked(gas + (gas * (ulong)_options.Transactions.GasMarginPercent / 100)),
                _options.Registry,
                data),
            key);

        // Persisted, with its nonce consumed, before a single byte leaves: after a crash from here on, the next
        // pass finds it in flight and broadcasts these very bytes.
        var recorded = await _store.RecordTransactionAsync(action.Id, transaction, cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome is not (TransactionRecordOutcome.Recorded or TransactionRecordOutcome.AlreadyRecorded))
        {
            Report(
                AnchoringEventKind.StoreConflict,
                action.Id,
                action.Authority,
                transaction.Hash,
                $"Recording the transaction answered {recorded.Outcome} (next nonce {recorded.NextNonce}).");
            return false;
        }

        pass.Result.TransactionsSent++;
        Report(AnchoringEventKind.TransactionSent, action.Id, action.Authority, transaction.Hash, $"{action.Kind}, nonce {transaction.Nonce}");
        var outcome = await BroadcastAsync(pass, action.Id, action.Authority, transaction, [transaction.Hash], cancellationToken).ConfigureAwait(false);
        return outcome == BroadcastOutcome.Accepted;
    }

    /// <summary>Broadcasts a recorded transaction again, byte for byte, unless this pass already did.</summary>
    private async Task RebroadcastAsync(Pass pass, InFlightTransaction inFlight, CancellationToken cancellationToken)
    {
        if (pass.Broadcast.Contains(inFlight.Transaction.Hash))
        {
            return;
        }

        pass.Result.Rebroadcasts++;
        Report(AnchoringEventKind.TransactionRebroadcast, inFlight.Action, inFlight.Authority, inFlight.Transaction.Hash);
        await BroadcastAsync(
            pass,
            inFlight.Action,
            inFlight.Authority,
            inFlight.Transaction,
            [inFlight.Transaction.Hash, .. inFlight.ReplacedHashes],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a recorded transaction's raw bytes and reads the node's answer.</summary>
    /// <param name="pass">The pass.</param>
    /// <param name="action">Its action.</param>
    /// <param name="authority">Its authority.</param>
    /// <param name="transaction">The recorded transaction.</param>
    /// <param name="versions">Every version with its nonce (itself included), any of which may be the one mined.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private async Task<BroadcastOutcome> BroadcastAsync(
        Pass pass,
        ChainActionId action,
        AuthorityId authority,
        OutgoingTransaction transaction,
        IReadOnlyList<ChainHash> versions,
        CancellationToken cancellationToken)
    {
        pass.Broadcast.Add(transaction.Hash);
        try
        {
            await _rpc.SendRawTransactionAsync(transaction.RawTransaction, cancellationToken).ConfigureAwait(false);
            return BroadcastOutcome.Accepted;
        }
        catch (EthRpcException error) when (!NodeErrors.IsTransient(error))
        {
            if (NodeErrors.IsAlreadyKnown(error))
            {
                return BroadcastOutcome.Accepted;
            }

            if (NodeErrors.IsNonceTooLow(error))
            {
                await SettleTakenNonceAsync(pass, action, authority, transaction, versions, cancellationToken).ConfigureAwait(false);
                return BroadcastOutcome.NonceTaken;
            }

            pass.Result.Refused++;
            Report(AnchoringEventKind.BroadcastRefused, action, authority, transaction.Hash, error.Message, error);
            return BroadcastOutcome.Refused;
        }
    }

    /// <summary>The node says the transaction's nonce is used: if none of its versions was mined, another
    /// transaction took the nonce, so the transaction can never be mined and is abandoned.</summary>
    /// <remarks>
    /// The store's count for the key is then raised to the node's pending count, or the next transaction would be
    /// signed with a used nonce again. A version that was mined is left alone: the next pass's receipt check
    /// records it.
    /// </remarks>
    private async Task SettleTakenNonceAsync(
        Pass pass,
        ChainActionId action,
        AuthorityId authority,
        OutgoingTransaction transaction,
        IReadOnlyList<ChainHash> versions,
        CancellationToken cancellationToken)
    {
        var receipts = await FetchReceiptsAsync(versions, cancellationToken).ConfigureAwait(false);
        if (receipts.Count > 0)
        {
            return;
        }

        if (await _store.AbandonTransactionAsync(action, transaction.Hash, cancellationToken).ConfigureAwait(false))
        {
            pass.Result.Abandoned++;
            Report(AnchoringEventKind.TransactionAbandoned, action, authority, transaction.Hash, $"Nonce {transaction.Nonce} was used by another transaction.");
        }

        var pending = await _rpc.GetTransactionCountAsync(
            DomainValues.ToAddress(transaction.Sender), BlockParameter.Pending, cancellationToken).ConfigureAwait(false);
        await _store.RaiseNextNonceAsync(transaction.Sender, pending, cancellationToken).ConfigureAwait(false);
    }
}
