namespace NoticeChain.Ethereum.Tests.Rpc;

/// <summary>Node answers in the shape Anvil and Besu produce, for the fake node to return.</summary>
internal static class RpcSamples
{
    public const string Sender = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    public const string Registry = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    public const string TxHash = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b";
    public const string BlockHash = "0x1d59ff54b1eb26b013ce3cb5fc9dab3705b415a67127a003c3e61eb445bb8df2";
    public const string ParentHash = "0x6ee3a6d0b5a1e8b0d1a0a1e3f1c2b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2";
    public const string Topic0 = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";
    public const string Topic1 = "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    public const string Log = $$"""
        {"address":"{{Registry}}","topics":["{{Topic0}}","{{Topic1}}"],
         "data":"0x00000000000000000000000000000000000000000000000000000000000000ff",
         "blockHash":"{{BlockHash}}","blockNumber":"0x1b4","blockTimestamp":"0x6553f100",
         "transactionHash":"{{TxHash}}","transactionIndex":"0x0","logIndex":"0x2","removed":false}
        """;

    public const string Receipt = $$"""
        {"type":"0x2","status":"0x1","cumulativeGasUsed":"0xb2c4","logs":[{{Log}}],
         "logsBloom":"0x{{Zeros512}}",
         "transactionHash":"{{TxHash}}","transactionIndex":"0x0","blockHash":"{{BlockHash}}","blockNumber":"0x1b4",
         "gasUsed":"0xb2c4","effectiveGasPrice":"0x3b9aca00","from":"{{Sender}}","to":"{{Registry}}","contractAddress":null}
        """;

    public const string Transaction = $$"""
        {"hash":"{{TxHash}}","type":"0x2","nonce":"0x7","from":"{{Sender}}","to":"{{Registry}}","value":"0x0",
         "gas":"0x1e848","gasPrice":"0x3b9aca00","maxFeePerGas":"0x77359400","maxPriorityFeePerGas":"0x3b9aca00",
         "input":"0xabcdef","chainId":"0x7a69","blockHash":"{{BlockHash}}","blockNumber":"0x1b4","transactionIndex":"0x0",
         "v":"0x0","r":"0x1","s":"0x2","accessList":[]}
        """;

    public const string Zeros512 =
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Block(string transactions) => $$"""
        {"number":"0x1b4","hash":"{{BlockHash}}","parentHash":"{{ParentHash}}","timestamp":"0x6553f100",
         "baseFeePerGas":"0x3b9aca00","gasLimit":"0x1c9c380","gasUsed":"0xb2c4","miner":"0x0000000000000000000000000000000000000000",
         "transactions":{{transactions}},"uncles":[],"withdrawals":[]}
        """;
}
