using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;

namespace NoticeChain.Chain.Transactions;

/// <summary>Signs and sends transactions for one key: gas from the node's estimate, fees by the
/// <see cref="TransactionSenderOptions.FeeMode"/> (EIP-1559 from the fee history by default, legacy, or free),
/// nonce from its pending count.</summary>
/// <remarks>
/// <para>
/// Each transaction is sized by <c>eth_estimateGas</c> plus <see cref="TransactionSenderOptions.GasMarginPercent"/>;
/// a call that would revert therefore fails before anything is signed, and the node's error (with the contract's
/// revert data) reaches the caller as an <see cref="EthRpcException"/>. In the default <see cref="FeeMode.Eip1559"/>,
/// fees are twice the next block's base fee (from <c>eth_feeHistory</c>) plus the tip the node suggests
/// (<c>eth_maxPriorityFeePerGas</c>), bounded by <see cref="TransactionSenderOptions.MaxFeePerGasCap"/>: enough to
/// survive a few full blocks of base-fee growth. <see cref="EstimateFeesAsync"/> describes the other modes.
/// </para>
/// <para>
/// The nonce is the node's <c>pending</c> transaction count, read, signed and submitted under a lock, so
/// concurrent sends through one instance never reuse a nonce. Separate instances (or processes) using the same
/// key can: use one sender per key. The sender does not own the key; its owner disposes it.
/// </para>
/// </remarks>
public sealed class TransactionSender : IDisposable
{
    private readonly PrivateKey _key;
    private readonly SemaphoreSlim _nonceLock = new(1, 1);

    /// <summary>Creates a sender for <paramref name="key"/> on the chain <paramref name="chainId"/>.</summary>
    /// <param name="rpc">The node to talk to.</param>
    /// <param name="key">The signing key; the caller keeps ownership and must keep it undisposed while sending.</param>
    /// <param name="chainId">The EIP-155 chain id the transactions are signed for.</param>
    /// <param name="options">Gas, fee and waiting policy; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is negative, a wait is not positive, or the fee mode undefined.</exception>
    public TransactionSender(EthRpcClient rpc, PrivateKey key, ulong chainId, TransactionSenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new TransactionSenderOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.GasMarginPercent, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFeePerGasCap, BigInteger.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReceiptPollInterval, TimeSpan.Zero, nameof(options));
        if (!Enum.IsDefined(options.FeeMode))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FeeMode, "Not a fee mode.");
        }

        Rpc = rpc;
        _key = key;
        ChainId = chainId;
        Options = options;
    }

    /// <summary>The node the sender talks to.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>The sender's address, derived from the key.</summary>
    public Address Address => _key.Address;

    /// <summary>The chain id the transactions are signed for.</summary>
    public ulong ChainId { get; }

    /// <summary>The gas, fee and waiting policy.</summary>
    public TransactionSenderOptions Options { get; }

    /// <summary>Creates a sender for the chain the node serves, asking it for its chain id.</summary>
    public static async Task<TransactionSender> ConnectAsync(
        EthRpcClient rpc, PrivateKey key, TransactionSenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        return new TransactionSender(rpc, key, chainId, options);
    }

    /// <summary>The fees the next transaction would offer, by <see cref="TransactionSenderOptions.FeeMode"/> (<see cref="FeePricing"/>).</summary>
    /// <remarks>
    /// <see cref="FeeMode.Eip1559"/> reads <c>eth_feeHistory</c> and <c>eth_maxPriorityFeePerGas</c>; <see cref="FeeMode.Legacy"/>
    /// reads <c>eth_gasPrice</c>; <see cref="FeeMode.Free"/> reads the latest block's header, whose missing base fee
    /// (before London) means only a legacy transaction can be mined.
    /// </remarks>
    /// <exception cref="FeeCapExceededException">The next block's base fee alone is above the cap, or, in
    /// <see cref="FeeMode.Free"/>, the network charges a base fee at all.</exception>
    public async Task<TransactionFees> EstimateFeesAsync(CancellationToken cancellationToken = default)
    {
        switch (Options.FeeMode)
        {
            case FeeMode.Free:
                var latest = await Rpc.GetBlockByNumberAsync(BlockParameter.Latest, cancellationToken: cancellationToken).ConfigureAwait(false)
                    ?? throw new EthRpcTransportException("The node returned no latest block.", "eth_getBlockByNumber", null, null);
                return FeePricing.Free(latest.BaseFeePerGas);
            case FeeMode.Legacy:
                var gasPrice = await Rpc.GasPriceAsync(cancellationToken).ConfigureAwait(false);
                return FeePricing.Legacy(gasPrice, Options.MaxFeePerGasCap);
            default:
                // eth_feeHistory returns one base fee more than blocks asked for: the last one is the next block's.
                var history = await Rpc.FeeHistoryAsync(1, BlockParameter.Latest, [], cancellationToken).ConfigureAwait(false);
                var baseFee = history.BaseFeePerGas.Count > 0 ? history.BaseFeePerGas[^1] : BigInteger.Zero;
                var tip = await Rpc.MaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
                return FeePricing.Eip1559(baseFee, tip, Options.MaxFeePerGasCap);
        }
    }

    /// <summary>Estimates, prices, signs and submits a transaction; returns its hash once the node accepted it.</summary>
    /// <param name="to">The contract or account to call, or null to deploy <paramref name="data"/> as creation code.</param>
    /// <param name="data">The call data or creation code.</param>
    /// <param name="gasLimit">A fixed gas limit that skips the estimate, or null to estimate.</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    /// <exception cref="EthRpcException">The estimate reverted (revert data in <see cref="EthRpcException.DataBytes"/>) or the node refused the transaction.</exception>
    /// <exception cref="FeeCapExceededException">The base fee is above the cap.</exception>
    public async Task<Hash32> SubmitAsync(
        Address? to, ReadOnlyMemory<byte> data, ulong? gasLimit = null, CancellationToken cancellationToken = default)
    {
        await _nonceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var gas = gasLimit ?? WithMargin(await Rpc.EstimateGasAsync(
                new CallRequest { From = Address, To = to, Data = data }, cancellationToken).ConfigureAwait(false));
            var fees = await EstimateFeesAsync(cancellationToken).ConfigureAwait(false);
            var nonce = await Rpc.GetTransactionCountAsync(Address, cancellationToken).ConfigureAwait(false);
            var signed = fees.CreateTransaction(ChainId, nonce, gas, to, data).Sign(_key);
            return await Rpc.SendRawTransactionAsync(signed.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    /// <summary>Waits until a submitted transaction is mined and checks that it succeeded.</summary>
    /// <exception cref="TransactionFailedException">The transaction was mined with status 0.</exception>
    /// <exception cref="EthRpcTimeoutException">No receipt within <see cref="TransactionSenderOptions.ReceiptTimeout"/>.</exception>
    public async Task<TransactionReceipt> WaitForSuccessAsync(Hash32 transactionHash, CancellationToken cancellationToken = default)
    {
        var receipt = await Rpc.WaitForReceiptAsync(
            transactionHash, Options.ReceiptPollInterval, Options.ReceiptTimeout, cancellationToken).ConfigureAwait(false);
        return receipt.Succeeded ? receipt : throw new TransactionFailedException(receipt);
    }

    /// <summary>Submits a transaction and waits until it is mined and succeeded.</summary>
    /// <param name="to">The contract or account to call, or null to deploy <paramref name="data"/> as creation code.</param>
    /// <param name="data">The call data or creation code.</param>
    /// <param name="cancellationToken">Cancels submitting and waiting.</param>
    /// <exception cref="EthRpcException">The estimate reverted or the node refused the transaction.</exception>
    /// <exception cref="TransactionFailedException">The transaction was mined with status 0.</exception>
    public async Task<TransactionReceipt> SendAsync(Address? to, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var hash = await SubmitAsync(to, data, gasLimit: null, cancellationToken).ConfigureAwait(false);
        return await WaitForSuccessAsync(hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the nonce lock; the key stays with its owner.</summary>
    public void Dispose() => _nonceLock.Dispose();

    private ulong WithMargin(ulong estimate) => checked(estimate + (estimate * (ulong)Options.GasMarginPercent / 100));
}
