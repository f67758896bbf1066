using System.Numerics;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Chain.Transactions;

/// <summary>Signs and sends EIP-1559 transactions for one key: gas from the node's estimate, fees from its fee
/// history, nonce from its pending count.</summary>
/// <remarks>
/// <para>
/// Each transaction is sized by <c>eth_estimateGas</c> plus <see cref="TransactionSenderOptions.GasMarginPercent"/>;
/// a call that would revert therefore fails before anything is signed, and the node's error (with the contract's
/// revert data) reaches the caller as an <see cref="EthRpcException"/>. Fees are twice the next block's base fee
/// (from <c>eth_feeHistory</c>) plus the tip the node suggests (<c>eth_maxPriorityFeePerGas</c>), bounded by
/// <see cref="TransactionSenderOptions.MaxFeePerGasCap"/>: enough to survive a few full blocks of base-fee growth.
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
    /// <exception cref="ArgumentOutOfRangeException">An option is negative or a wait is not positive.</exception>
    public TransactionSender(EthRpcClient rpc, PrivateKey key, ulong chainId, TransactionSenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new TransactionSenderOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.GasMarginPercent, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFeePerGasCap, BigInteger.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReceiptPollInterval, TimeSpan.Zero, nameof(options));
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

    /// <summary>The fees the next transaction would offer.</summary>
    /// <exception cref="FeeCapExceededException">The next block's base fee alone is above the cap.</exception>
    public async Task<TransactionFees> EstimateFeesAsync(CancellationToken cancellationToken = default)
    {
        // eth_feeHistory returns one base fee more than blocks asked for: the last one is the next block's.
        var history = await Rpc.FeeHistoryAsync(1, BlockParameter.Latest, [], cancellationToken).ConfigureAwait(false);
        var baseFee = history.BaseFeePerGas.Count > 0 ? history.BaseFeePerGas[^1] : BigInteger.Zero;
        var cap = Options.MaxFeePerGasCap;
        if (baseFee > cap)
        {
            throw new FeeCapExceededException(baseFee, cap);
        }

        var tip = await Rpc.MaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
        var maxFee = BigInteger.Min((2 * baseFee) + tip, cap);
        return new TransactionFees(maxFee, BigInteger.Min(tip, maxFee));
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
            var transaction = new Eip1559Transaction
            {
                ChainId = ChainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                MaxFeePerGas = fees.MaxFeePerGas,
                GasLimit = gas,
                To = to,
                Data = data,
            };
            var signed = transaction.Sign(_key);
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
