using System.Text.Json;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>The outcome of one call in an <see cref="EthRpcBatch"/>: a value or that call's own error.</summary>
/// <typeparam name="TResult">The result type of the call.</typeparam>
/// <remarks>
/// Errors are per item because a batch is only a transport optimisation: one unknown transaction hash
/// must not hide the receipts of the others.
/// </remarks>
public sealed class RpcBatchItem<TResult> : IRpcBatchEntry
{
    private TResult _value = default!;

    internal RpcBatchItem(RpcCall<TResult> call)
    {
        Call = call;
    }

    /// <summary>The call this item answers.</summary>
    public RpcCall<TResult> Call { get; }

    /// <summary>True once the batch has been sent and this item has a value or an error.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>True when the item completed with a value.</summary>
    public bool Succeeded => IsCompleted && Error is null;

    /// <summary>The item's error: <see cref="EthRpcException"/> when the node refused this call,
    /// <see cref="EthRpcTransportException"/> when its result was malformed or missing.</summary>
    public EthRpcClientException? Error { get; private set; }

    /// <summary>The result.</summary>
    /// <exception cref="EthRpcClientException">The item failed; this is <see cref="Error"/>.</exception>
    /// <exception cref="InvalidOperationException">The batch has not been sent, or failed as a whole.</exception>
    public TResult Value
    {
        get
        {
            if (!IsCompleted)
            {
                throw new InvalidOperationException($"The batch holding this {Call.Method} call has not completed.");
            }

            return Error is null ? _value : throw Error;
        }
    }

    RpcCall IRpcBatchEntry.Call => Call;

    void IRpcBatchEntry.Complete(JsonElement result)
    {
        try
        {
            _value = Call.ReadResult(result);
        }
        catch (EthRpcTransportException ex)
        {
            Error = ex;
        }

        IsCompleted = true;
    }

    void IRpcBatchEntry.Fail(EthRpcClientException error)
    {
        Error = error;
        IsCompleted = true;
    }
}

/// <summary>What the client needs from a batch item, whatever its result type.</summary>
internal interface IRpcBatchEntry
{
    RpcCall Call { get; }

    void Complete(JsonElement result);

    void Fail(EthRpcClientException error);
}
