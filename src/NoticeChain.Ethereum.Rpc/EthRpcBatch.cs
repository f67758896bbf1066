namespace NoticeChain.Ethereum.Rpc;

/// <summary>Several calls sent in one HTTP request as a JSON-RPC batch (a JSON array).</summary>
/// <remarks>
/// <para>
/// Add calls (from <see cref="EthCalls"/> or <see cref="RpcCall.Create"/>), send the batch once with
/// <see cref="EthRpcClient.SendBatchAsync"/>, then read each <see cref="RpcBatchItem{TResult}"/>. Responses
/// are matched by id, so the order the node answers in does not matter (the spec allows any order).
/// </para>
/// <para>
/// A batch is sent at most once: its items hold the results. Nodes cap batch sizes (Geth defaults to 1000
/// calls), so split long lists.
/// </para>
/// </remarks>
public sealed class EthRpcBatch
{
    private readonly List<IRpcBatchEntry> _entries = [];
    private bool _sent;

    /// <summary>Number of calls in the batch.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a call and returns the item that will hold its outcome.</summary>
    /// <exception cref="InvalidOperationException">The batch has already been sent.</exception>
    public RpcBatchItem<TResult> Add<TResult>(RpcCall<TResult> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_sent)
        {
            throw new InvalidOperationException("A batch cannot be changed after it has been sent.");
        }

        var item = new RpcBatchItem<TResult>(call);
        _entries.Add(item);
        return item;
    }

    internal IReadOnlyList<IRpcBatchEntry> MarkSent()
    {
        if (_sent)
        {
            throw new InvalidOperationException("A batch can be sent only once; its items hold the results.");
        }

        _sent = true;
        return _entries;
    }
}
