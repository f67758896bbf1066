using System.Text.Json;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A block object on the wire; <see cref="Transactions"/> holds hashes or full objects.</summary>
internal sealed class BlockDto
{
    /// <summary>The last second <see cref="DateTimeOffset"/> can hold: 9999-12-31T23:59:59Z.</summary>
    private const ulong MaxTimestamp = 253_402_300_799;

    public string? Number { get; set; }

    public string? Hash { get; set; }

    public string? ParentHash { get; set; }

    public string? Timestamp { get; set; }

    public string? BaseFeePerGas { get; set; }

    public string? GasLimit { get; set; }

    public string? GasUsed { get; set; }

    public JsonElement Transactions { get; set; }

    public Block ToModel(bool fullTransactions)
    {
        if (Transactions.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'transactions' must be an array.");
        }

        var hashes = new List<Hash32>(Transactions.GetArrayLength());
        List<TransactionInfo>? full = fullTransactions ? new(hashes.Capacity) : null;
        int i = 0;
        foreach (var item in Transactions.EnumerateArray())
        {
            var field = $"transactions[{i++}]";

            // The node must answer in the shape that was asked for; a mix would mean the request was misread.
            if (full is null)
            {
                hashes.Add(WireField.Hash(WireField.String(item, field), field));
            }
            else
            {
                var dto = item.ValueKind == JsonValueKind.Object
                    ? item.Deserialize(RpcJsonContext.Default.TransactionDto)!
                    : throw new FormatException($"'{field}' must be a transaction object, not {item.ValueKind}.");
                var transaction = dto.ToModel(field);
                full.Add(transaction);
                hashes.Add(transaction.Hash);
            }
        }

        // Checked here so that Block.Time cannot throw on a block the client has accepted.
        var timestamp = WireField.UInt64(Timestamp, "timestamp");
        if (timestamp > MaxTimestamp)
        {
            throw new FormatException($"'timestamp' {timestamp} is after the year 9999 (at most {MaxTimestamp} seconds since 1970).");
        }

        return new Block
        {
            Number = WireField.UInt64(Number, "number"),
            Hash = WireField.Hash(Hash, "hash"),
            ParentHash = WireField.Hash(ParentHash, "parentHash"),
            Timestamp = timestamp,
            BaseFeePerGas = WireField.OptionalBigInteger(BaseFeePerGas, "baseFeePerGas"),
            GasLimit = WireField.UInt64(GasLimit, "gasLimit"),
            GasUsed = WireField.UInt64(GasUsed, "gasUsed"),
            TransactionHashes = hashes,
            Transactions = full,
        };
    }
}
