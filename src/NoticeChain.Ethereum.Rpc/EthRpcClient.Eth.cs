using System.Numerics;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Rpc;

// The typed eth_ methods. Each sends the matching EthCalls call, so batching the same call gives the same result.
public sealed partial class EthRpcClient
{
    /// <summary><c>eth_chainId</c>: the EIP-155 chain id, needed to sign transactions for this network.</summary>
    public Task<ulong> ChainIdAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.ChainId(), cancellationToken);

    /// <summary><c>eth_blockNumber</c>: the number of the most recent block.</summary>
    public Task<ulong> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.BlockNumber(), cancellationToken);

    /// <summary><c>eth_getBalance</c>: the balance in wei at <paramref name="block"/> (latest by default).</summary>
    public Task<BigInteger> GetBalanceAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetBalance(address, block), cancellationToken);

    /// <summary><c>eth_getTransactionCount</c> at <c>pending</c>: the nonce for the next transaction of <paramref name="address"/>.</summary>
    /// <remarks>
    /// <c>pending</c> rather than <c>latest</c> by default, because a sender that has transactions waiting
    /// in the pool must not reuse their nonces; use the other overload to read a mined state.
    /// </remarks>
    public Task<ulong> GetTransactionCountAsync(Address address, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetTransactionCount(address, BlockParameter.Pending), cancellationToken);

    /// <summary><c>eth_getTransactionCount</c> at <paramref name="block"/>.</summary>
    public Task<ulong> GetTransactionCountAsync(Address address, BlockParameter block, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetTransactionCount(address, block), cancellationToken);

    /// <summary><c>eth_gasPrice</c>: the node's legacy gas price suggestion in wei.</summary>
    public Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GasPrice(), cancellationToken);

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's EIP-1559 tip suggestion in wei.</summary>
    public Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.MaxPriorityFeePerGas(), cancellationToken);

    /// <summary><c>eth_feeHistory</c>: base fees and priority-fee percentiles of the <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    public Task<FeeHistory> FeeHistoryAsync(
        ulong blockCount, BlockParameter newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.FeeHistory(blockCount, newestBlock, rewardPercentiles), cancellationToken);

    /// <summary><c>eth_estimateGas</c>: the gas <paramref name="call"/> would use.</summary>
    /// <exception cref="EthRpcException">The call would revert; <see cref="EthRpcException.DataBytes"/> holds the revert data.</exception>
    public Task<ulong> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.EstimateGas(call), cancellationToken);

    /// <summary><c>eth_call</c>: executes <paramref name="call"/> at <paramref name="block"/> (latest by default) and returns its output.</summary>
    /// <exception cref="EthRpcException">The call reverted; <see cref="EthRpcException.DataBytes"/> holds the revert data.</exception>
    public Task<byte[]> CallAsync(CallRequest call, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.Call(call, block), cancellationToken);

    /// <summary><c>eth_sendRawTransaction</c>: submits a signed transaction and returns its hash once the node has accepted it into its pool.</summary>
    /// <remarks>The hash is checked to be Keccak-256 of <paramref name="rawTransaction"/>, so a confused or lying node cannot make the caller wait for another transaction.</remarks>
    /// <exception cref="EthRpcTransportException">The node's hash is not the hash of the raw transaction.</exception>
    public Task<Hash32> SendRawTransactionAsync(ReadOnlyMemory<byte> rawTransaction, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.SendRawTransaction(rawTransaction.Span), cancellationToken);

    /// <summary><c>eth_getTransactionReceipt</c>: the receipt, or null while the transaction is not mined.</summary>
    /// <exception cref="EthRpcTransportException">The receipt is for another transaction, or not well-formed.</exception>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(Hash32 transactionHash, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetTransactionReceipt(transactionHash), cancellationToken);

    /// <summary>Fetches several receipts in one batch request; each item holds a receipt, null (not mined) or its own error.</summary>
    /// <returns>One item per hash, in the order given.</returns>
    public async Task<IReadOnlyList<RpcBatchItem<TransactionReceipt?>>> GetTransactionReceiptsAsync(
        IEnumerable<Hash32> transactionHashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionHashes);
        var batch = new EthRpcBatch();
        var items = transactionHashes.Select(hash => batch.Add(EthCalls.GetTransactionReceipt(hash))).ToList();
        await SendBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <summary><c>eth_getTransactionByHash</c>: the transaction, or null when the node does not know it.</summary>
    public Task<TransactionInfo?> GetTransactionByHashAsync(Hash32 transactionHash, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetTransactionByHash(transactionHash), cancellationToken);

    /// <summary><c>eth_getBlockByNumber</c>: the block, or null when it does not exist yet.</summary>
    public Task<Block?> GetBlockByNumberAsync(
        BlockParameter block, bool fullTransactions = false, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetBlockByNumber(block, fullTransactions), cancellationToken);

    /// <summary><c>eth_getBlockByHash</c>: the block, or null when the node does not know the hash.</summary>
    public Task<Block?> GetBlockByHashAsync(
        Hash32 blockHash, bool fullTransactions = false, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetBlockByHash(blockHash, fullTransactions), cancellationToken);

    /// <summary><c>eth_getLogs</c>: the logs matching <paramref name="filter"/>.</summary>
    /// <exception cref="ArgumentException">The filter mixes a block hash with a range, or has an empty address list or topic OR-list.</exception>
    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        SendAsync(EthCalls.GetLogs(filter), cancellationToken);

    /// <summary>Polls <c>eth_getTransactionReceipt</c> until the transaction is mined.</summary>
    /// <param name="transactionHash">The transaction to wait for.</param>
    /// <param name="pollInterval">The pause between polls; must be positive.</param>
    /// <param name="timeout">How long to wait in total, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <remarks>
    /// Needed even on Anvil with automine: <c>eth_sendRawTransaction</c> answers when the transaction enters
    /// the pool, and the receipt appears a moment later. Transport errors during polling are not swallowed —
    /// a node that stops answering is a different problem from a transaction that is not mined yet.
    /// </remarks>
    /// <exception cref="ReceiptTimeoutException">No receipt appeared within <paramref name="timeout"/>.</exception>
    /// <exception cref="EthRpcTimeoutException">One poll hit the HTTP timeout (exactly this type, not <see cref="ReceiptTimeoutException"/>).</exception>
    /// <exception cref="EthRpcTransportException">The node answered with a receipt for another transaction, or not well-formed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(
        Hash32 transactionHash, TimeSpan pollInterval, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be non-negative or infinite.");
        }

        var started = _timeProvider.GetTimestamp();
        var finalPoll = false;
        while (true)
        {
            var receipt = await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }

            if (finalPoll)
            {
                throw new ReceiptTimeoutException(transactionHash, timeout);
            }

            // The last wait is cut to the deadline and followed by exactly one more poll: looping on the clock
            // instead would spin when a timer fires a fraction of a millisecond early.
            var delay = pollInterval;
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                var remaining = timeout - _timeProvider.GetElapsedTime(started);
                if (remaining <= delay)
                {
                    delay = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
                    finalPoll = true;
                }
            }

            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
