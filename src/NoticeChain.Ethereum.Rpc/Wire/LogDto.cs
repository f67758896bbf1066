namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A log object on the wire.</summary>
internal sealed class LogDto
{
    public string? Address { get; set; }

    public string[]? Topics { get; set; }

    public string? Data { get; set; }

    public string? BlockNumber { get; set; }

    public string? BlockHash { get; set; }

    public string? TransactionHash { get; set; }

    public string? TransactionIndex { get; set; }

    public string? LogIndex { get; set; }

    public bool Removed { get; set; }

    public LogEntry ToModel(string field) => new()
    {
        Address = WireField.Address(Address, field + ".address"),
        Topics = Array.ConvertAll(WireField.Required(Topics, field + ".topics"), t => WireField.Hash(t, field + ".topics[]")),
        Data = WireField.Data(Data, field + ".data"),
        BlockNumber = WireField.UInt64(BlockNumber, field + ".blockNumber"),
        BlockHash = WireField.Hash(BlockHash, field + ".blockHash"),
        TransactionHash = WireField.Hash(TransactionHash, field + ".transactionHash"),
        TransactionIndex = WireField.UInt64(TransactionIndex, field + ".transactionIndex"),
        LogIndex = WireField.UInt64(LogIndex, field + ".logIndex"),
        Removed = Removed,
    };

    public static LogEntry[] ToModels(LogDto?[]? logs, string field)
    {
        var list = WireField.Required(logs, field);
        var result = new LogEntry[list.Length];
        for (int i = 0; i < list.Length; i++)
        {
            result[i] = WireField.Required(list[i], $"{field}[{i}]").ToModel($"{field}[{i}]");
        }

        return result;
    }
}
