namespace NoticeChain.Ethereum.Transactions;

/// <summary>The EIP-2718 transaction type byte.</summary>
/// <remarks>
/// Legacy transactions carry no type byte on the wire (their encoding starts with an RLP list header,
/// 0xc0 or above); 0 is used for them here only as a name.
/// </remarks>
public enum TransactionType : byte
{
    /// <summary>A legacy transaction with EIP-155 replay protection.</summary>
    Legacy = 0x00,

    /// <summary>An EIP-1559 dynamic-fee transaction (type 0x02).</summary>
    Eip1559 = 0x02,
}
