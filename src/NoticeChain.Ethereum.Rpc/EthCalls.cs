using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rpc.Wire;

namespace NoticeChain.Ethereum.Rpc;

/// <summary>Typed <see cref="RpcCall{TResult}"/> factories for the <c>eth_</c> methods the client wraps.</summary>
/// <remarks>
/// <see cref="EthRpcClient"/>'s typed methods send exactly these calls; build them directly to put typed
/// calls into an <see cref="EthRpcBatch"/>. Quantities are emitted canonically (no leading zeros) and
/// addresses in lower case, the forms every node accepts.
/// </remarks>
public static class EthCalls
{
    /// <summary><c>eth_chainId</c>: the EIP-155 chain id.</summary>
    public static RpcCall<ulong> ChainId() => QuantityCall("eth_chainId", []);

    /// <summary><c>eth_blockNumber</c>: the number of the most recent block.</summary>
    public static RpcCall<ulong> BlockNumber() => QuantityCall("eth_blockNumber", []);

    /// <summary><c>eth_getBalance</c>: the balance in wei at <paramref name="block"/>.</summary>
    public static RpcCall<BigInteger> GetBalance(Address address, BlockParameter block) =>
        BigQuantityCall("eth_getBalance", [address.ToLowerHex(), block.ToString()]);

    /// <summary><c>eth_getTransactionCount</c>: the account nonce at <paramref name="block"/>.</summary>
    public static RpcCall<ulong> GetTransactionCount(Address address, BlockParameter block) =>
        QuantityCall("eth_getTransactionCount", [address.ToLowerHex(), block.ToString()]);

    /// <summary><c>eth_gasPrice</c>: the node's legacy gas price suggestion in wei.</summary>
    public static RpcCall<BigInteger> GasPrice() => BigQuantityCall("eth_gasPrice", []);

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's EIP-1559 tip suggestion in wei.</summary>
    public static RpcCall<BigInteger> MaxPriorityFeePerGas() => BigQuantityCall("eth_maxPriorityFeePerGas", []);

    /// <summary><c>eth_feeHistory</c> over <paramref name="blockCount"/> blocks ending at <paramref name="newestBlock"/>.</summary>
    /// <param name="blockCount">How many blocks (nodes cap this, typically at 1024).</param>
    /// <param name="newestBlock">The newest block of the range.</param>
    /// <param name="rewardPercentiles">Increasing percentiles (0 to 100) of priority fees to report per block; may be empty.</param>
    public static RpcCall<FeeHistory> FeeHistory(ulong blockCount, BlockParameter newestBlock, IReadOnlyList<double> rewardPercentiles)
    {
        ArgumentNullException.ThrowIfNull(rewardPercentiles);
        var percentiles = new JsonArray([.. rewardPercentiles.Select(p => (JsonNode?)JsonValue.Create(p))]);
        return new RpcCall<FeeHistory>(
            "eth_feeHistory",
            [Quantity.Format(blockCount), newestBlock.ToString(), percentiles],
            result => Object(result, RpcJsonContext.Default.FeeHistoryDto).ToModel());
    }

    /// <summary><c>eth_estimateGas</c>: the gas <paramref name="call"/> would use against the latest block.</summary>
    public static RpcCall<ulong> EstimateGas(CallRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return QuantityCall("eth_estimateGas", [CallNode(call)]);
    }

    /// <summary><c>eth_call</c>: executes <paramref name="call"/> at <paramref name="block"/> without a transaction and returns its output.</summary>
    public static RpcCall<byte[]> Call(CallRequest call, BlockParameter block)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new RpcCall<byte[]>(
            "eth_call",
            [CallNode(call), block.ToString()],
            result => WireField.Data(WireField.String(result, "result"), "result"));
    }

    /// <summary><c>eth_sendRawTransaction</c>: submits a signed transaction and returns its hash.</summary>
    /// <remarks>The node answers once the transaction is in its pool, before it is mined; see
    /// <see cref="EthRpcClient.WaitForReceiptAsync"/>. The transaction hash is Keccak-256 of exactly these bytes,
    /// so the node's answer is checked against it: a different hash would have the caller wait for, and record,
    /// a transaction it never sent.</remarks>
    public static RpcCall<Hash32> SendRawTransaction(ReadOnlySpan<byte> rawTransaction)
    {
        Span<byte> hash = stackalloc byte[Hash32.Size];
        Keccak256.Hash(rawTransaction, hash);
        var expected = new Hash32(hash);
        return new(
            "eth_sendRawTransaction",
            [HexData.Format(rawTransaction)],
            result => Matching(HashResult(result), expected, "result", "the Keccak-256 hash of the raw transaction"));
    }

    /// <summary><c>eth_getTransactionReceipt</c>: the receipt, or null while the transaction is not mined (or unknown).</summary>
    /// <remarks>A receipt whose <c>transactionHash</c> is not <paramref name="transactionHash"/> is refused as malformed.</remarks>
    public static RpcCall<TransactionReceipt?> GetTransactionReceipt(Hash32 transactionHash) =>
        new(
            "eth_getTransactionReceipt",
            [transactionHash.ToString()],
            result =>
            {
                if (WireField.IsNull(result))
                {
                    return null;
                }

                var receipt = Object(result, RpcJsonContext.Default.ReceiptDto).ToModel();
                Matching(receipt.TransactionHash, transactionHash, "transactionHash", "the requested transaction");
                return receipt;
            });

    /// <summary><c>eth_getTransactionByHash</c>: the transaction, or null when the node does not know it.</summary>
    /// <remarks>A transaction whose <c>hash</c> is not <paramref name="transactionHash"/> is refused as malformed.</remarks>
    public static RpcCall<TransactionInfo?> GetTransactionByHash(Hash32 transactionHash) =>
        new(
            "eth_getTransactionByHash",
            [transactionHash.ToString()],
            result =>
            {
                if (WireField.IsNull(result))
                {
                    return null;
                }

                var transaction = Object(result, RpcJsonContext.Default.TransactionDto).ToModel("result");
                Matching(transaction.Hash, transactionHash, "hash", "the requested transaction");
                return transaction;
            });

    /// <summary><c>eth_getBlockByNumber</c>: the block, or null when it does not exist yet.</summary>
    /// <param name="block">A number or tag.</param>
    /// <param name="fullTransactions">True to also read the full transaction objects into <see cref="Block.Transactions"/>.</param>
    public static RpcCall<Block?> GetBlockByNumber(BlockParameter block, bool fullTransactions) =>
        new(
            "eth_getBlockByNumber",
            [block.ToString(), fullTransactions],
            result => WireField.IsNull(result) ? null : Object(result, RpcJsonContext.Default.BlockDto).ToModel(fullTransactions));

    /// <summary><c>eth_getBlockByHash</c>: the block, or null when the node does not know the hash (e.g. after a reorg).</summary>
    /// <param name="blockHash">The block hash.</param>
    /// <param name="fullTransactions">True to also read the full transaction objects into <see cref="Block.Transactions"/>.</param>
    /// <remarks>A block whose <c>hash</c> is not <paramref name="blockHash"/> is refused as malformed.</remarks>
    public static RpcCall<Block?> GetBlockByHash(Hash32 blockHash, bool fullTransactions) =>
        new(
            "eth_getBlockByHash",
            [blockHash.ToString(), fullTransactions],
            result =>
            {
                if (WireField.IsNull(result))
                {
                    return null;
                }

                var block = Object(result, RpcJsonContext.Default.BlockDto).ToModel(fullTransactions);
                Matching(block.Hash, blockHash, "hash", "the requested block");
                return block;
            });

    /// <summary><c>eth_getLogs</c>: the logs matching <paramref name="filter"/>, in chain order.</summary>
    /// <exception cref="ArgumentException">The filter mixes a block hash with a range, or has an empty address list or topic OR-list.</exception>
    public static RpcCall<IReadOnlyList<LogEntry>> GetLogs(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var node = JsonSerializer.SerializeToNode(LogFilterDto.FromModel(filter), RpcJsonContext.Default.LogFilterDto);
        return new RpcCall<IReadOnlyList<LogEntry>>(
            "eth_getLogs",
            [node],
            result => LogDto.ToModels(Object(result, RpcJsonContext.Default.LogDtoArray), "result"));
    }

    private static JsonNode? CallNode(CallRequest call) =>
        JsonSerializer.SerializeToNode(CallRequestDto.FromModel(call), RpcJsonContext.Default.CallRequestDto);

    private static RpcCall<ulong> QuantityCall(string method, JsonArray parameters) =>
        new(method, parameters, result => WireField.UInt64(WireField.String(result, "result"), "result"));

    private static RpcCall<BigInteger> BigQuantityCall(string method, JsonArray parameters) =>
        new(method, parameters, result => WireField.BigInteger(WireField.String(result, "result"), "result"));

    private static Hash32 HashResult(JsonElement result) => WireField.Hash(WireField.String(result, "result"), "result");

    /// <exception cref="FormatException"><paramref name="actual"/> is not <paramref name="expected"/>.</exception>
    private static Hash32 Matching(Hash32 actual, Hash32 expected, string field, string expectedWhat) =>
        actual == expected
            ? actual
            : throw new FormatException($"'{field}' is {actual}, but {expectedWhat} is {expected}.");

    private static T Object<T>(JsonElement result, JsonTypeInfo<T> typeInfo)
        where T : class =>
        WireField.Required(result.ValueKind == JsonValueKind.Undefined ? null : result.Deserialize(typeInfo), "result");
}
