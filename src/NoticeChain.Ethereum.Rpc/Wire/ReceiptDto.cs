namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A receipt object on the wire.</summary>
internal sealed class ReceiptDto
{
    public string? TransactionHash { get; set; }

    public string? TransactionIndex { get; set; }

    public string? BlockHash { get; set; }

    public string? BlockNumber { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Status { get; set; }

    public string? GasUsed { get; set; }

    public string? CumulativeGasUsed { get; set; }

    public string? EffectiveGasPrice { get; set; }

    public string? ContractAddress { get; set; }

    public string? Type { get; set; }

    public LogDto?[]? Logs { get; set; }

    public TransactionReceipt ToModel() => new()
    {
        TransactionHash = WireField.Hash(TransactionHash, "transactionHash"),
        TransactionIndex = WireField.UInt64(TransactionIndex, "transactionIndex"),
        BlockHash = WireField.Hash(BlockHash, "blockHash"),
        BlockNumber = WireField.UInt64(BlockNumber, "blockNumber"),
        From = WireField.Address(From, "from"),
        To = WireField.OptionalAddress(To, "to"),
        Status = WireField.UInt64(Status, "status"),
        GasUsed = WireField.UInt64(GasUsed, "gasUsed"),
        CumulativeGasUsed = WireField.UInt64(CumulativeGasUsed, "cumulativeGasUsed"),
        EffectiveGasPrice = WireField.BigInteger(EffectiveGasPrice, "effectiveGasPrice"),
        ContractAddress = WireField.OptionalAddress(ContractAddress, "contractAddress"),
        Type = WireField.OptionalUInt64(Type, "type"),
        Logs = LogDto.ToModels(Logs, "logs"),
    };
}
