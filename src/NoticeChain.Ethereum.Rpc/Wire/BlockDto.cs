using System.Text.Json;

namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A block object on the wire; <see cref="Transactions"/> holds hashes or full objects.</summary>
internal sealed class BlockDto
{
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

        return new Block
        {
            Number = WireField.UInt64(Number, "number"),
            Hash = WireField.Hash(Hash, "hash"),
            ParentHash = WireField.Hash(ParentHash, "parentHash"),
            Timestamp = WireField.UInt64(Timestamp, "timestamp"),
            BaseFeePerGas = WireField.OptionalBigInteger(BaseFeePerGas, "baseFeePerGas"),
            GasLimit = WireField.UInt64(GasLimit, "gasLimit"),
            GasUsed = WireField.UInt64(GasUsed, "gasUsed"),
            TransactionHashes = hashes,
            Transactions = full,
        };
    }
}
