namespace NoticeChain.Ethereum.Rpc.Wire;

/// <summary>The transaction-call object of <c>eth_call</c> and <c>eth_estimateGas</c> on the wire.</summary>
/// <remarks>
/// The call data goes out as both <c>input</c> (the current spec name) and <c>data</c> (the older one) with
/// the same value: Geth, Anvil and Besu accept both when they are equal, and older nodes only read
/// <c>data</c>, so sending both works everywhere.
/// </remarks>
internal sealed class CallRequestDto
{
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Gas { get; init; }

    public string? GasPrice { get; init; }

    public string? MaxFeePerGas { get; init; }

    public string? MaxPriorityFeePerGas { get; init; }

    public string? Value { get; init; }

    public string? Input { get; init; }

    public string? Data { get; init; }

    public static CallRequestDto FromModel(CallRequest call)
    {
        var data = call.Data is { } bytes ? HexData.Format(bytes.Span) : null;
        return new CallRequestDto
        {
            From = call.From?.ToLowerHex(),
            To = call.To?.ToLowerHex(),
            Gas = call.Gas is { } gas ? Quantity.Format(gas) : null,
            GasPrice = call.GasPrice is { } gasPrice ? Quantity.Format(gasPrice) : null,
            MaxFeePerGas = call.MaxFeePerGas is { } maxFee ? Quantity.Format(maxFee) : null,
            MaxPriorityFeePerGas = call.MaxPriorityFeePerGas is { } tip ? Quantity.Format(tip) : null,
            Value = call.Value is { } value ? Quantity.Format(value) : null,
            Input = data,
            Data = data,
        };
    }
}
