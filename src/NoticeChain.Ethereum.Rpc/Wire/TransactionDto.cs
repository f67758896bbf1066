namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>A transaction object on the wire.</summary>
internal sealed class TransactionDto
{
    public string? Hash { get; set; }

    public string? Type { get; set; }

    public string? Nonce { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Value { get; set; }

    public string? Gas { get; set; }

    public string? GasPrice { get; set; }

    public string? MaxFeePerGas { get; set; }

    public string? MaxPriorityFeePerGas { get; set; }

    public string? Input { get; set; }

    public string? ChainId { get; set; }

    public string? BlockHash { get; set; }

    public string? BlockNumber { get; set; }

    public string? TransactionIndex { get; set; }

    public TransactionInfo ToModel(string field) => new()
    {
        Hash = WireField.Hash(Hash, field + ".hash"),

        // Legacy transactions from old nodes may lack "type"; they are type 0 by definition (EIP-2718).
        Type = WireField.OptionalUInt64(Type, field + ".type") ?? 0,
        Nonce = WireField.UInt64(Nonce, field + ".nonce"),
        From = WireField.Address(From, field + ".from"),
        To = WireField.OptionalAddress(To, field + ".to"),
        Value = WireField.BigInteger(Value, field + ".value"),
        Gas = WireField.UInt64(Gas, field + ".gas"),
        GasPrice = WireField.OptionalBigInteger(GasPrice, field + ".gasPrice"),
        MaxFeePerGas = WireField.OptionalBigInteger(MaxFeePerGas, field + ".maxFeePerGas"),
        MaxPriorityFeePerGas = WireField.OptionalBigInteger(MaxPriorityFeePerGas, field + ".maxPriorityFeePerGas"),
        Input = WireField.Data(Input, field + ".input"),
        ChainId = WireField.OptionalUInt64(ChainId, field + ".chainId"),
        BlockHash = WireField.OptionalHash(BlockHash, field + ".blockHash"),
        BlockNumber = WireField.OptionalUInt64(BlockNumber, field + ".blockNumber"),
        TransactionIndex = WireField.OptionalUInt64(TransactionIndex, field + ".transactionIndex"),
    };
}
